namespace AuthingClient.Cli.Settings;

/// <summary>The environment variables the CLI reads; flags win over them.</summary>
internal static class EnvironmentVariables
{
    public const string AppHost = "AUTHING_APP_HOST";
    public const string AppId = "AUTHING_APP_ID";

    /// <summary>The only way to give the secret: a command line is visible to other users and kept in shell history.</summary>
    public const string AppSecret = "AUTHING_APP_SECRET";

    /// <summary>The fleet's revoked-token registry in Redis, as --registry.</summary>
    public const string RevokedTokensRedis = "AUTHING_REVOKED_TOKENS_REDIS";

    public static IReadOnlyList<string> All { get; } = [AppHost, AppId, AppSecret, RevokedTokensRedis];

    /// <summary>Reads the CLI's variables from this process.</summary>
    public static IReadOnlyDictionary<string, string?> FromProcess() =>
        All.ToDictionary(name => name, Environment.GetEnvironmentVariable, StringComparer.Ordinal);

    public static string HelpText =>
        $"""
          {AppHost}    the application's Authing domain, as --app-host
          {AppId}      the application's App ID, as --app-id
          {AppSecret}  the application's App Secret (there is no flag for it)
          {RevokedTokensRedis}  the fleet's revoked-token registry in Redis, as --registry
        """;
}
