using AuthingClient.Cli.Input;
using AuthingClient.Cli.Output;

namespace AuthingClient.Cli.Revocation;

/// <summary>Where each result of a run goes: the output lines, the tally and the <c>--failed-to</c> file.</summary>
internal sealed class ResultSink(OutputWriter output, RunTally tally, FailedTokensFile? failedTokens, TokenInput input) : IResultSink
{
    /// <summary>The position of the last token reported (0 before any), for the hint to resume.</summary>
    public long LastReported { get; private set; }

    public void Report(InputToken token, TokenOutcome outcome)
    {
        output.Result(token, outcome, input.Name);
        tally.Add(outcome);
        if (failedTokens is not null && FailedTokensFile.Takes(token, outcome))
        {
            failedTokens.Add(token.Text);
        }

        LastReported = token.Position;
    }

    public async Task FlushAsync()
    {
        await output.FlushAsync().ConfigureAwait(false);
        if (failedTokens is not null)
        {
            await failedTokens.FlushAsync().ConfigureAwait(false);
        }
    }
}
