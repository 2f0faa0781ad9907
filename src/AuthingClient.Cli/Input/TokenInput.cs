using System.Runtime.CompilerServices;
using System.Text;

namespace AuthingClient.Cli.Input;

/// <summary>
/// An opened <see cref="TokenSource"/>: the tokens, read lazily, and how to name a position in it
/// (in messages and in the hint to resume an interrupted run).
/// </summary>
internal abstract class TokenInput : IDisposable
{
    /// <summary>Opens the source.</summary>
    /// <param name="source">Where the tokens are.</param>
    /// <param name="standardInput">The process's standard input.</param>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static TokenInput Open(TokenSource source, TextReader standardInput) => source switch
    {
        TokenSource.Arguments arguments => new ArgumentTokens(arguments.Tokens),
        TokenSource.File file => LineTokens.OpenFile(file.Path),
        _ => new LineTokens(standardInput, name: "standard input", countable: null, owned: false),
    };

    /// <summary>The tokens in order; reading stops when <paramref name="cancellationToken"/> is cancelled.</summary>
    public abstract IAsyncEnumerable<InputToken> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// How many tokens there are, when that can be known without consuming the input (a regular
    /// file, counted in a separate streaming pass); otherwise <see langword="null"/>.
    /// </summary>
    public abstract Task<long?> CountAsync(CancellationToken cancellationToken);

    /// <summary>Names a position in messages: <c>token 3</c> or <c>line 7</c>.</summary>
    public abstract string Name(long position);

    /// <summary>Where to resume after the token at <paramref name="lastReported"/> (0: none was reported).</summary>
    public abstract string ResumeHint(long lastReported);

    public abstract void Dispose();

    private sealed class ArgumentTokens(IReadOnlyList<string> tokens) : TokenInput
    {
        public override async IAsyncEnumerable<InputToken> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new InputToken(tokens[i], i + 1);
            }

            await Task.CompletedTask.ConfigureAwait(false);
        }

        public override Task<long?> CountAsync(CancellationToken cancellationToken) => Task.FromResult<long?>(tokens.Count);

        public override string Name(long position) => $"token {position}";

        public override string ResumeHint(long lastReported) =>
            $"resume from TOKEN {lastReported + 1} of {tokens.Count}";

        public override void Dispose()
        {
            // Nothing to release: the tokens are the command line's.
        }
    }

    private sealed class LineTokens(TextReader reader, string name, string? countable, bool owned) : TokenInput
    {
        private const int FileBufferSize = 64 * 1024;

        public static LineTokens OpenFile(string path)
        {
            var stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.ReadWrite,
                BufferSize = FileBufferSize,
                Options = FileOptions.SequentialScan,
            });

            // Only a regular file can be read twice: counting a pipe (e.g. <(...)) would consume it.
            var countable = stream.CanSeek ? path : null;
            return new LineTokens(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), path, countable, owned: true);
        }

        public override IAsyncEnumerable<InputToken> ReadAsync(CancellationToken cancellationToken) =>
            TokenLines.ReadAsync(reader, cancellationToken);

        public override async Task<long?> CountAsync(CancellationToken cancellationToken) =>
            countable is null ? null : await LineCount.CountTokenLinesAsync(countable, cancellationToken).ConfigureAwait(false);

        public override string Name(long position) => $"line {position}";

        public override string ResumeHint(long lastReported) => countable is null
            ? $"resume from line {lastReported + 1} of {name}"
            : $"resume from line {lastReported + 1} of {name}, e.g. tail -n +{lastReported + 1} {name} | authing-revoke revoke - (with the same options)";

        public override void Dispose()
        {
            if (owned)
            {
                reader.Dispose();
            }
        }
    }
}
