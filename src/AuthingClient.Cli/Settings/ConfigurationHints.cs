namespace AuthingClient.Cli.Settings;

/// <summary>
/// Points each of the library's option validation messages (which name the option, e.g.
/// <c>AppSecret</c>) at the flag or environment variable that sets it on this command line.
/// </summary>
internal static class ConfigurationHints
{
    private static readonly (string Setting, string Source)[] Sources =
    [
        (nameof(AuthenticationClientOptions.AppHost), $"--app-host or {EnvironmentVariables.AppHost}"),
        (nameof(AuthenticationClientOptions.AppId), $"--app-id or {EnvironmentVariables.AppId}"),
        (nameof(AuthenticationClientOptions.AppSecret), EnvironmentVariables.AppSecret),
        (nameof(AuthenticationClientOptions.Protocol), "--protocol"),
        (nameof(AuthenticationClientOptions.RevocationEndPointAuthMethod), "--auth-method"),
    ];

    public static string Explain(string failure)
    {
        foreach (var (setting, source) in Sources)
        {
            if (failure.StartsWith(setting, StringComparison.Ordinal))
            {
                return $"{failure} [set with {source}]";
            }
        }

        return failure;
    }
}
