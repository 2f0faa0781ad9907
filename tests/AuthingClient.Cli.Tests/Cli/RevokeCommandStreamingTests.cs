using AuthingClient.Cli.Input;
using AuthingClient.Cli.Tests.Support;

namespace AuthingClient.Cli.Tests.Cli;

/// <summary>Streamed input stays streamed: memory does not grow with the input.</summary>
public class RevokeCommandStreamingTests
{
    [Fact]
    public async Task Streaming_200000LineInput_IsNeverReadMoreThanTheWindowAndOneChunkAheadOfTheOutput()
    {
        const int Lines = 200_000;
        const int Concurrency = 8;
        const int LineLength = 100;

        // Every 100th line is a token revoked at the stand-in; the others are malformed, answered
        // without a request, so that the test takes seconds, not minutes. Both go through the window.
        var stdout = new CountingWriter(keep: false);
        var input = new GeneratedInput(Lines, i => (i % 100 == 0 ? $"token-{i}" : $"bad\u0001{i}").PadRight(LineLength - 1, 'x'), stdout);

        var exitCode = await CliApplication.RunAsync(["revoke", "--stand-in", "-", "--concurrency", $"{Concurrency}"], new CliConsole(input, stdout, TextWriter.Null), CliRun.EmptyEnvironment());

        Assert.Equal(2, exitCode);
        Assert.Equal(Lines, stdout.Lines);

        // The revocations in the window, the token being read, and the lines of one read.
        var bound = Concurrency + 1 + (TokenLines.ChunkLength / LineLength) + 1;
        Assert.True(input.MaxLinesAhead <= bound, $"Reading got {input.MaxLinesAhead} lines ahead of the output; at most {bound} expected.");
    }
}
