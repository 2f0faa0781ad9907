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

    /// <summary>Runs with a console of the test's making (standard input, a terminal or not, a clock); its writers must be <see cref="StringWriter"/>s.</summary>
    public static async Task<CliResult> RunAsync(CliConsole console, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken, params string[] args)
    {
        var exitCode = await CliApplication.RunAsync(args, console, environment, cancellationToken);
        return new CliResult(exitCode, console.Out.ToString()!, console.Error.ToString()!);
    }

    public static Task<CliResult> RunAsync(CliConsole console, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsync(console, environment, CancellationToken.None, args);

    /// <summary>Runs <c>revoke --from-file FILE ARGS --app-host AUTHING</c> with the app's credentials, FILE holding exactly <paramref name="fileText"/>.</summary>
    public static async Task<CliResult> RunOverFileAsync(FakeAuthing authing, string fileText, params string[] args)
    {
        using var file = TokenFile.With(fileText);
        return await RunAsync(CredentialsEnvironment(), ["revoke", "--from-file", file.Path, .. args, "--app-host", authing.Url]);
    }

    /// <summary>A console with captured stdout and stderr, and the given standard input (none by default).</summary>
    public static CliConsole Console(TextReader? stdin = null, StringWriter? stdout = null) =>
        new(stdin ?? TextReader.Null, stdout ?? new StringWriter(), new StringWriter());

    /// <summary>App id and secret from the environment, as a deployment would set them; no app host.</summary>
    public static Dictionary<string, string?> CredentialsEnvironment() => new()
    {
        ["AUTHING_APP_ID"] = AppId,
        ["AUTHING_APP_SECRET"] = FakeSecret,
    };

    public static Dictionary<string, string?> EmptyEnvironment() => [];
}
