using System.Text.Json;
using AuthingClient.Cli.Revocation;

namespace AuthingClient.Cli.Output;

/// <summary>
/// Writes results where scripts expect them: one stdout line per token (<c>true</c>, <c>false</c>,
/// <c>error</c>, or a JSON object with <c>--json</c>), and a one-line reason on stderr for every token
/// that was not revoked. Tokens appear only as fingerprints; the secret never appears.
/// </summary>
internal sealed class OutputWriter
{
    private const string Program = "authing-revoke";

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly bool _json;

    public OutputWriter(TextWriter stdout, TextWriter stderr, bool json)
    {
        _stdout = stdout;
        _stderr = stderr;
        _json = json;
    }

    /// <summary>Reports one token's outcome.</summary>
    /// <param name="position">The token's 1-based position on the command line.</param>
    /// <param name="token">The token; only its fingerprint is written.</param>
    /// <param name="outcome">What happened to it.</param>
    public void Result(int position, string token, TokenOutcome outcome)
    {
        var fingerprint = TokenFingerprint.Of(token);
        _stdout.WriteLine(_json ? JsonLine(fingerprint, outcome) : PlainLine(outcome));
        if (outcome.Reason is { } reason)
        {
            _stderr.WriteLine($"{Program}: token {position} ({fingerprint}): {reason}");
        }
    }

    public void Notice(string message) => _stderr.WriteLine($"{Program}: {message}");

    public void Problems(string heading, IEnumerable<string> problems)
    {
        _stderr.WriteLine($"{Program}: {heading}");
        foreach (var problem in problems)
        {
            _stderr.WriteLine($"  {problem}");
        }
    }

    private static string PlainLine(TokenOutcome outcome) => outcome.RevokedValue switch
    {
        true => "true",
        false => "false",
        null => "error",
    };

    private static string JsonLine(string fingerprint, TokenOutcome outcome) =>
        JsonSerializer.Serialize(
            new TokenResultLine(fingerprint, outcome.RevokedValue, (int?)outcome.Status, outcome.Error),
            CliJsonContext.Default.TokenResultLine);
}
