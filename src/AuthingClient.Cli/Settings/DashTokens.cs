using System.CommandLine;
using System.CommandLine.Parsing;

namespace AuthingClient.Cli.Settings;

/// <summary>
/// System.CommandLine takes an unknown <c>--flag</c> as a TOKEN. A misspelt option must not be
/// "revoked" (and, with the stand-in, reported as true): a TOKEN starting with '-' is only
/// accepted after <c>--</c>.
/// </summary>
internal static class DashTokens
{
    /// <summary>One problem per TOKEN that starts with '-' but came before <c>--</c>.</summary>
    public static List<string> Misplaced(ParseResult parseResult, Argument<string[]> tokens)
    {
        var all = parseResult.Tokens;
        var doubleDash = IndexOf(all, all.FirstOrDefault(token => token.Type == TokenType.DoubleDash));

        var problems = new List<string>();
        var argumentTokens = parseResult.GetResult(tokens)?.Tokens ?? [];
        for (var position = 0; position < argumentTokens.Count; position++)
        {
            var token = argumentTokens[position];
            if (token.Value.Length < 2 || token.Value[0] != '-')
            {
                continue;
            }

            var index = IndexOf(all, token);
            if (doubleDash < 0 || index < doubleDash)
            {
                // Echo it only when it looks like a flag: it might be a real token.
                problems.Add(LooksLikeFlag(token.Value)
                    ? $"Unrecognized option '{token.Value}'."
                    : $"TOKEN {position + 1} starts with '-': put -- before TOKENs that start with '-'.");
            }
        }

        return problems;
    }

    private static int IndexOf(IReadOnlyList<Token> tokens, Token? token)
    {
        // By reference: Token equality is by value, and the same text can appear on both sides of "--".
        for (var i = 0; token is not null && i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], token))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool LooksLikeFlag(string value) =>
        value.Length <= 40 && value.TrimStart('-').All(c => char.IsAsciiLetterLower(c) || c == '-');
}
