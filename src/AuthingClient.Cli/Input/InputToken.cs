namespace AuthingClient.Cli.Input;

/// <summary>One token to revoke, as read.</summary>
/// <param name="Text">The token (from a file: the line without surrounding whitespace).</param>
/// <param name="Position">Where it came from: the TOKEN's 1-based position, or the file's 1-based line number.</param>
/// <param name="Truncated">The line was longer than <see cref="TokenLines.MaxLineLength"/>: <see cref="Text"/> holds only its start, which no real token is.</param>
internal readonly record struct InputToken(string Text, long Position, bool Truncated = false);
