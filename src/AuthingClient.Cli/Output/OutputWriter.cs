using System.Text.Json;
using AuthingClient.Cli.Input;
using AuthingClient.Cli.Progress;
using AuthingClient.Cli.Revocation;
using AuthingClient.Diagnostics;

namespace AuthingClient.Cli.Output;

/// <summary>
/// Writes results where scripts expect them: one stdout line per token (<c>true</c>, <c>false</c>,
/// <c>error</c>, or a JSON object with <c>--json</c>), and a one-line reason on stderr for every token
/// that was not revoked. Tokens appear only as fingerprints; the secret never appears. Stderr lines
/// go through the <see cref="ProgressDisplay"/>, so they never garble a progress bar.
/// </summary>
internal sealed class OutputWriter
{
    public const string Program = "authing-revoke";

    private readonly TextWriter _stdout;
    private readonly ProgressDisplay _stderr;
    private readonly bool _json;

    public OutputWriter(TextWriter stdout, ProgressDisplay stderr, bool json)
    {
        _stdout = stdout;
        _stderr = stderr;
        _json = json;
    }

    /// <summary>Reports one token's outcome.</summary>
    /// <param name="token">The token; only its fingerprint is written.</param>
    /// <param name="outcome">What happened to it.</param>
    /// <param name="name">Names its position for the reason line, e.g. <c>token 2</c> or <c>line 7</c>.</param>
    public void Result(InputToken token, TokenOutcome outcome, Func<long, string> name)
    {
        var fingerprint = TokenFingerprint.Of(token.Text);
        _stdout.WriteLine(_json ? JsonLine(fingerprint, outcome) : PlainLine(outcome));
        if (outcome.Reason is { } reason)
        {
            Notice($"{name(token.Position)} ({fingerprint}): {reason}");
        }
    }

    public void Notice(string message) => _stderr.WriteLine($"{Program}: {message}");

    public void Problems(string heading, IEnumerable<string> problems)
    {
        Notice(heading);
        foreach (var problem in problems)
        {
            _stderr.WriteLine($"  {problem}");
        }
    }

    public Task FlushAsync() => _stdout.FlushAsync();

    private static string PlainLine(TokenOutcome outcome) => outcome.RevokedValue switch
    {
        true => "true",
        false => "false",
        null => "error",
    };

    private static string JsonLine(string fingerprint, TokenOutcome outcome) =>
        JsonSerializer.Serialize(
            new TokenResultLine(fingerprint, outcome.RevokedValue, outcome.Outcome == RevocationOutcome.Unknown ? null : outcome.Outcome.ToTagValue(), (int?)outcome.Status, outcome.Error),
            CliJsonContext.Default.TokenResultLine);
}
