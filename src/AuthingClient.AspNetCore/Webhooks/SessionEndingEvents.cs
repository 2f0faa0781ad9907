namespace AuthingClient.AspNetCore.Webhooks;

/// <summary>
/// The Authing webhook events after which a user's tokens must stop working (Authing/docs,
/// "使用 Webhook 监听用户事件"); every other event is acknowledged and changes nothing.
/// </summary>
internal static class SessionEndingEvents
{
    /// <summary>Forced offline in the console (强制下线): <c>data.users</c>, and <c>data.application</c> when forced off one application.</summary>
    public const string Kick = "kick";

    /// <summary>Password changed or reset: the user's profile is <c>data</c> (or <c>data.user</c>).</summary>
    public const string PasswordChanged = "user:password-changed";

    /// <summary>Account locked: <c>data.user</c>.</summary>
    public const string UserBlocked = "user:blocked";

    /// <summary>Account archived: <c>data.user</c>.</summary>
    public const string UserArchived = "user:archived";

    /// <summary>Accounts deleted: <c>data.users</c>.</summary>
    public const string UserDeleted = "user:deleted";

    public static bool Contains(string eventName) =>
        eventName is Kick or PasswordChanged or UserBlocked or UserArchived or UserDeleted;
}
