namespace AuthingClient.Cli.Input;

/// <summary>Where a run's tokens come from: TOKEN arguments, a file, or standard input.</summary>
internal abstract record TokenSource
{
    /// <summary>The path that means standard input, as a TOKEN or a <c>--from-file</c> value.</summary>
    public const string StandardInputPath = "-";

    private TokenSource()
    {
    }

    /// <summary>The source a command's arguments and <c>--from-file</c> name: a lone <c>-</c> or <c>--from-file -</c> is standard input.</summary>
    public static TokenSource From(IReadOnlyList<string> arguments, string? fromFile) => (arguments, fromFile) switch
    {
        (_, StandardInputPath) or ([StandardInputPath], null) => new StandardInput(),
        (_, { } path) => new File(path),
        _ => new Arguments(arguments),
    };

    /// <summary>Whether tokens are streamed from a file or standard input rather than given as arguments.</summary>
    public bool IsStreamed => this is not Arguments;

    /// <summary>Tokens given on the command line, sent exactly as given.</summary>
    internal sealed record Arguments(IReadOnlyList<string> Tokens) : TokenSource
    {
        /// <summary>Never shows the tokens.</summary>
        public override string ToString() => $"{Tokens.Count} TOKEN argument(s)";
    }

    /// <summary>A file of tokens, one per line.</summary>
    internal sealed record File(string Path) : TokenSource;

    /// <summary>Standard input, one token per line.</summary>
    internal sealed record StandardInput : TokenSource;
}
