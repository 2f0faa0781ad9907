namespace AuthingClient.Cli.Tests.Support;

/// <summary>The captured result of one in-process CLI run.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The stdout lines, without the trailing empty line.</summary>
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToArray();

    public string AllOutput => Stdout + Stderr;
}

/// <summary>Runs the CLI in-process with captured stdout/stderr and a given environment.</summary>
internal static class CliRun
{
    /// <summary>A secret no real output would contain by chance.</summary>
    public const string FakeSecret = "FAKE-SECRET-7f3c91d2e8";

    public const string AppId = "cli-test-app";

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, stdout, stderr, environment, cancellationToken);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsync(environment, CancellationToken.None, args);

    /// <summary>App id and secret from the environment, as a deployment would set them; no app host.</summary>
    public static Dictionary<string, string?> CredentialsEnvironment() => new()
    {
        ["AUTHING_APP_ID"] = AppId,
        ["AUTHING_APP_SECRET"] = FakeSecret,
    };

    public static Dictionary<string, string?> EmptyEnvironment() => [];
}
