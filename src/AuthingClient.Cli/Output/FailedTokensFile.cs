using System.Text;
using AuthingClient.Cli.Input;
using AuthingClient.Cli.Revocation;

namespace AuthingClient.Cli.Output;

/// <summary>
/// The <c>--failed-to</c> file: the tokens a re-run with <c>--from-file</c> should take again, one
/// per line, in input order. It holds raw tokens, so it is readable and writable by its owner only.
/// </summary>
/// <remarks>
/// It takes the tokens whose revocation failed (Authing refused the request or it could not be
/// confirmed: a re-run may succeed) and the invalid ones (a re-run reports them again, so they
/// stay in sight until someone looks at them). Not the tokens Authing answered
/// <c>unsupported_token_type</c> for: a re-run gets the same answer. A line too long to be a token
/// is not kept in memory, so it cannot be written; its error line on stderr names it.
/// </remarks>
internal sealed class FailedTokensFile : IAsyncDisposable
{
    private readonly StreamWriter _writer;

    private FailedTokensFile(StreamWriter writer, string path)
    {
        _writer = writer;
        Path = path;
    }

    public string Path { get; }

    /// <summary>How many tokens were written.</summary>
    public long Count { get; private set; }

    /// <summary>Creates (or empties) the file, with mode 0600 on Unix even when it existed with another.</summary>
    /// <exception cref="IOException">The file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be written.</exception>
    public static FailedTokensFile Create(string path)
    {
        var stream = OwnerOnlyFile.Open(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.Read });
        return new FailedTokensFile(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" }, path);
    }

    public static bool Takes(InputToken token, TokenOutcome outcome) =>
        !outcome.Settled && !token.Truncated;

    public void Add(string token)
    {
        _writer.WriteLine(token);
        Count++;
    }

    public Task FlushAsync() => _writer.FlushAsync();

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
