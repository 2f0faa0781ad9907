using System.CommandLine;
using System.CommandLine.Invocation;
using AuthingClient.Cli.Settings;

namespace AuthingClient.Cli;

/// <summary>
/// The command line application, runnable in-process: the console, the environment and
/// cancellation are parameters, so tests run it without spawning a process.
/// </summary>
internal static class CliApplication
{
    private const string ProgramName = "authing-revoke";

    /// <summary>Runs the CLI with the given output and environment, and no standard input. Ctrl-C handling is the host's job (see <see cref="RunConsoleAsync"/>).</summary>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static Task<int> RunAsync(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        IReadOnlyDictionary<string, string?> environment,
        CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliConsole(TextReader.Null, stdout, stderr), environment, cancellationToken);

    /// <summary>Runs the CLI with the given console (standard input, terminal or not, clock) and environment.</summary>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static Task<int> RunAsync(
        string[] args,
        CliConsole console,
        IReadOnlyDictionary<string, string?> environment,
        CancellationToken cancellationToken = default) =>
        RunAsync(args, console, environment, processTerminationTimeout: null, cancellationToken);

    /// <summary>
    /// Runs the CLI on the process's console and environment. Ctrl-C and SIGTERM cancel the token
    /// System.CommandLine passes to the command, which stops reading, cancels the requests in
    /// flight and reports what was done well within the 5 s System.CommandLine waits for it.
    /// </summary>
    public static async Task<int> RunConsoleAsync(string[] args)
    {
        var stdout = CliConsole.OpenStandardOutput();
        await using (stdout.ConfigureAwait(false))
        {
            var exitCode = await RunAsync(args, CliConsole.ForProcess(stdout), EnvironmentVariables.FromProcess(), processTerminationTimeout: TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
            try
            {
                await stdout.FlushAsync().ConfigureAwait(false);
                return exitCode;
            }
            catch (IOException ex)
            {
                // E.g. the reader of a pipe went away: results were lost, which must not look like success.
                await Console.Error.WriteLineAsync($"{ProgramName}: cannot write the results to stdout: {ex.Message}").ConfigureAwait(false);
                return exitCode == ExitCodes.AllRevoked ? ExitCodes.RequestFailed : exitCode;
            }
        }
    }

    private static async Task<int> RunAsync(
        string[] args,
        CliConsole console,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan? processTerminationTimeout,
        CancellationToken cancellationToken)
    {
        var (stdout, stderr) = (console.Out, console.Error);
        var root = new RootCommand("Revoke Authing access and refresh tokens, and end users' sessions fleet-wide, from scripts. See 'revoke --help' and 'revoke-user --help'.")
        {
            new RevokeCommand(environment, console),
            new RevokeUserCommand(environment, console),
        };
        HelpSections.AddTo(root);

        // Tokens are opaque: one starting with '@' must not be read as a response file name.
        var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                await stderr.WriteLineAsync($"{ProgramName}: {error.Message}").ConfigureAwait(false);
            }

            await stderr.WriteLineAsync($"Run '{ProgramName} revoke --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        var invocation = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            ProcessTerminationTimeout = processTerminationTimeout,

            // The default handler prints a stack trace and exits 1, which scripts read as "not revoked".
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Per-token failures are handled in the command; this is a failure around them (e.g. the
            // stand-in could not start). Nothing was confirmed revoked. Messages here carry no tokens.
            await stderr.WriteLineAsync($"{ProgramName}: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
            return ExitCodes.RequestFailed;
        }
    }
}
