using Microsoft.Extensions.Logging;

namespace AuthingClient.AspNetCore.Webhooks;

/// <summary>The webhook receiver's log events: never the body, the secret or a token.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 301, EventName = "AuthingWebhookAccepted", Level = LogLevel.Information,
        Message = "Authing webhook {EventName}: revoked the tokens of {UserCount} users (narrowed to one application: {Narrowed})")]
    public static partial void Accepted(ILogger logger, string eventName, int userCount, bool narrowed);

    [LoggerMessage(EventId = 302, EventName = "AuthingWebhookUserRevoked", Level = LogLevel.Debug,
        Message = "Authing webhook {EventName}: revoking the tokens of user {UserId}")]
    public static partial void RevokingUser(ILogger logger, string eventName, string userId);

    [LoggerMessage(EventId = 303, EventName = "AuthingWebhookIgnored", Level = LogLevel.Debug,
        Message = "Authing webhook delivery acknowledged: its event ends no session")]
    public static partial void Acknowledged(ILogger logger);

    [LoggerMessage(EventId = 304, EventName = "AuthingWebhookWrongSecret", Level = LogLevel.Warning,
        Message = "Refused an Authing webhook delivery from {RemoteAddress}: the secret header is missing or wrong")]
    public static partial void WrongSecret(ILogger logger, string remoteAddress);

    [LoggerMessage(EventId = 305, EventName = "AuthingWebhookMalformed", Level = LogLevel.Warning,
        Message = "Refused an Authing webhook delivery: its body is malformed or does not say whose sessions ended")]
    public static partial void Malformed(ILogger logger);
}
