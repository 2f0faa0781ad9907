using Microsoft.Extensions.Time.Testing;

namespace AuthingClient.Cli.Tests.Support;

/// <summary>
/// A run over standard input that the test feeds, on a fake clock: started with some lines and
/// held, waiting for more input, once their results are out, so the test can move the clock and
/// look at stderr before it ends the input.
/// </summary>
internal sealed class FedRun
{
    private readonly FeedReader _input;
    private readonly Task<CliResult> _result;

    private FedRun(FeedReader input, CliConsole console, FakeTimeProvider time, Task<CliResult> result)
    {
        _input = input;
        Console = console;
        Time = time;
        _result = result;
    }

    public CliConsole Console { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The stderr lines so far.</summary>
    public string[] StderrLines => Console.Error.ToString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToArray();

    /// <summary>Starts <c>authing-revoke revoke - ARGS</c> with the stand-in, feeds <paramref name="lines"/> and waits for <paramref name="results"/> result lines.</summary>
    public static async Task<FedRun> StartAsync(string lines, int results, params string[] args)
    {
        var input = new FeedReader();
        var stdout = new CountingWriter(target: results);
        var time = new FakeTimeProvider();
        var console = CliRun.Console(input, stdout) with { Time = time };
        var run = new FedRun(input, console, time, CliRun.RunAsync(console, CliRun.EmptyEnvironment(), ["revoke", "--stand-in", "-", .. args]));

        input.Write(lines);
        Assert.True(await Waiting.Until(stdout.Reached), $"{results} results were not written while the input stayed open.");
        return run;
    }

    /// <summary>Feeds more input lines to the run.</summary>
    public void Feed(string lines) => _input.Write(lines);

    public string[] ProgressLines() => StderrLines.Where(line => line.StartsWith("authing-revoke: progress:", StringComparison.Ordinal)).ToArray();

    /// <summary>Ends the input and waits for the run to end.</summary>
    public Task<CliResult> FinishAsync()
    {
        _input.End();
        return _result;
    }
}
