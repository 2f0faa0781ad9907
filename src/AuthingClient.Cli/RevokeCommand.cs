using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using AuthingClient.Cli.Input;
using AuthingClient.Cli.Revocation;
using AuthingClient.Cli.Settings;
using AuthingClient.Configuration;

namespace AuthingClient.Cli;

/// <summary>
/// <c>revoke TOKEN... [options]</c>: the flags, their help text and how they become
/// <see cref="CliSettings"/>. The work itself is done by <see cref="RevokeRun"/>.
/// </summary>
internal sealed class RevokeCommand : Command
{
    private readonly Argument<string[]> _tokens = new("TOKEN")
    {
        // Zero: the tokens may come from --from-file instead (checked in SourceProblems).
        Arity = ArgumentArity.ZeroOrMore,
        Description = "The access or refresh tokens to revoke, one result line each, in this order. A lone - reads them from standard input, as --from-file -. Put -- before a token that starts with '-'.",
    };

    private readonly Option<string> _fromFile = new("--from-file")
    {
        HelpName = "PATH",
        Description = "Read the tokens from PATH (- for standard input), one per line, streamed: any number of tokens in constant memory. Lines end with \\n or \\r\\n; whitespace around a token is removed and blank lines are skipped; an invalid line gets an error result, and the run goes on. Messages name line numbers.",
    };

    // No DefaultValueFactory: the default depends on where the tokens come from (see Settings).
    private readonly Option<int?> _concurrency = new("--concurrency")
    {
        HelpName = "N",
        Description = $"How many revocations are in flight at once, 1 to {OrderedRevocations.MaxConcurrency}. Results still come in input order. More is faster over a slow network, but mind Authing's rate limits. Default: {OrderedRevocations.DefaultConcurrency} with --from-file or -; 1 with TOKEN arguments, which are then sent one after the other, in order.",
        CustomParser = result => Parse(result, "--concurrency", $"a whole number from 1 to {OrderedRevocations.MaxConcurrency}", static (string text, out int value) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value is >= 1 and <= OrderedRevocations.MaxConcurrency),
    };

    private readonly Option<double?> _rate = new("--rate")
    {
        HelpName = "N",
        Description = $"At most N revocation requests per second for the whole run, whatever --concurrency says, retries included (N from {MinRate} to {MaxRate}, decimals allowed). --concurrency is capped at {QueuedSeconds} s worth of requests (5 x N), so no request waits long for its turn. Whatever the rate, a 429 (or a 503 with Retry-After) from Authing pauses every request until Retry-After, lowers the pace, and raises it again slowly, never above N. Default: no limit until Authing throttles.",
        CustomParser = result => Parse(result, "--rate", $"a number of requests per second from {MinRate} to {MaxRate}", static (string text, out double value) =>
            double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && value is >= MinRate and <= MaxRate),
    };

    private readonly Option<string> _failedTo = new("--failed-to")
    {
        HelpName = "PATH",
        Description = "Also write the tokens that failed or were invalid to PATH, one per line, for a re-run with --from-file (tokens Authing does not revoke are left out: a re-run gets the same answer). The file holds raw tokens: it is created readable and writable by you only (mode 0600), and emptied first if it exists.",
    };

    private readonly Option<string> _journal = new("--journal")
    {
        HelpName = "PATH",
        Description = "Keep a crash-safe record of the tokens Authing has answered for (revoked or not revoked) in PATH, written as the answers come: run the same command again with the same PATH after a crash, a kill or Ctrl-C, and those tokens are not sent again but still reported, in input order, with the exit code of the whole run. Failed tokens are tried again. The file holds SHA-256 hashes of the tokens, never the tokens; it is created readable and writable by you only (mode 0600). A journal belongs to one app host, protocol and app id.",
    };

    private readonly Option<string> _registry = new("--registry")
    {
        HelpName = "REDIS",
        Description = $"Also mark every token in the fleet's revoked-token registry in Redis (the StackExchange.Redis connection string that services give as Authing:RevokedTokens:Redis, package AuthingClient.Redis; default key prefix), so every instance rejects it at once, even a JWT access token Authing does not revoke early. A mark Redis does not confirm makes that token an error (exit 3), never true. Default: ${EnvironmentVariables.RevokedTokensRedis}.",
    };

    private readonly Option<bool> _quiet = new("--quiet", "-q")
    {
        Description = "Show no progress. Reasons for tokens not revoked and the final summary are still written to stderr.",
    };

    private readonly Option<string> _appHost = new("--app-host")
    {
        HelpName = "URL",
        Description = $"The application's Authing domain, e.g. https://example.authing.cn. Default: ${EnvironmentVariables.AppHost}. Without either (and without --stand-in) the run is refused: nothing is revoked, nothing is printed on stdout, exit code 2.",
    };

    private readonly Option<bool> _standIn = new("--stand-in")
    {
        Description = $"Revoke at a built-in local Authing stand-in on 127.0.0.1 instead of Authing, to try the CLI or a script: nothing is revoked at Authing. It accepts the app id and secret given (or its own defaults) and ignores ${EnvironmentVariables.AppHost}. Not with --app-host.",
    };

    private readonly Option<string> _appId = new("--app-id")
    {
        HelpName = "ID",
        Description = $"The application's App ID, sent as client_id. Default: ${EnvironmentVariables.AppId}.",
    };

    // No DefaultValueFactory: help would print the .NET enum name as the default, not the wire name.
    private readonly Option<AuthingProtocol?> _protocol = new("--protocol")
    {
        HelpName = "oidc|oauth",
        Description = "The protocol the application uses; it selects /oidc/token/revocation or /oauth/token/revocation. Default: oidc.",
        CustomParser = result => Parse<AuthingProtocol>(result, "--protocol", WireNames.Protocol.Expected, WireNames.Protocol.TryParse),
    };

    private readonly Option<ClientAuthenticationMethod?> _authMethod = new("--auth-method")
    {
        HelpName = "client_secret_post|client_secret_basic|none",
        Description = $"How the application authenticates at the revocation endpoint (the Authing console setting). Default: client_secret_post. The secret comes from ${EnvironmentVariables.AppSecret}; none sends no secret. client_secret_basic is not available with --protocol oauth.",
        CustomParser = result => Parse<ClientAuthenticationMethod>(result, "--auth-method", WireNames.AuthMethod.Expected, WireNames.AuthMethod.TryParse),
    };

    private readonly Option<TokenTypeHint?> _hint = new("--hint")
    {
        HelpName = "access_token|refresh_token",
        Description = "Tell Authing what kind of token each TOKEN is (token_type_hint). Default: no hint.",
        CustomParser = result => Parse<TokenTypeHint>(result, "--hint", WireNames.Hint.Expected, WireNames.Hint.TryParse),
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print one JSON object per token instead of true/false: {\"token\": the token's fingerprint, the first 12 hex digits of its SHA-256 as in the library's logs (never the token), \"revoked\": true|false|null, \"status\": HTTP status or null, \"error\": OAuth error code or null}. Progress and the summary stay on stderr: stdout is JSON lines only.",
    };

    private const double MinRate = 0.1;
    private const double MaxRate = 100_000;
    private const int QueuedSeconds = 5;

    private delegate bool TryParseValue<T>(string text, out T value);

    public RevokeCommand(IReadOnlyDictionary<string, string?> environment, CliConsole console)
        : base("revoke", "Revoke Authing access and refresh tokens (OAuth 2.0 token revocation, RFC 7009). Prints one line per token on stdout, in input order: true (revoked), false (Authing does not revoke that kind of token) or error. With --from-file or -, stderr also shows progress (a live bar on a terminal, a line every 5 s otherwise) and ends with a summary. Ctrl-C stops reading, cancels the requests in flight, reports what was done and where to resume, and exits 130.")
    {
        Add(_tokens);
        Add(_fromFile);
        Add(_concurrency);
        Add(_rate);
        Add(_failedTo);
        Add(_journal);
        Add(_registry);
        Add(_quiet);
        Add(_appHost);
        Add(_standIn);
        Add(_appId);
        Add(_protocol);
        Add(_authMethod);
        Add(_hint);
        Add(_json);
        Validators.Add(result =>
        {
            foreach (var problem in SourceProblems(result.GetValue(_tokens) ?? [], result.GetValue(_fromFile), result.GetValue(_failedTo), result.GetValue(_journal)))
            {
                result.AddError(problem);
            }

            if (result.GetValue(_standIn) && result.GetResult(_appHost) is { Implicit: false })
            {
                result.AddError("Give --app-host or --stand-in, not both.");
            }
        });
        _protocol.CompletionSources.Add("oidc", "oauth");
        _authMethod.CompletionSources.Add("client_secret_post", "client_secret_basic", "none");
        _hint.CompletionSources.Add("access_token", "refresh_token");

        SetAction(async (parseResult, cancellationToken) =>
        {
            var stderr = parseResult.InvocationConfiguration.Error;
            if (DashTokens.Misplaced(parseResult, _tokens) is { Count: > 0 } problems)
            {
                foreach (var problem in problems)
                {
                    await stderr.WriteLineAsync($"authing-revoke: {problem}").ConfigureAwait(false);
                }

                await stderr.WriteLineAsync("Run 'authing-revoke revoke --help' for usage.").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            return await RevokeRun.RunAsync(Settings(parseResult, environment), console, cancellationToken).ConfigureAwait(false);
        });
    }

    private CliSettings Settings(ParseResult parseResult, IReadOnlyDictionary<string, string?> environment)
    {
        var source = TokenSource.From(parseResult.GetValue(_tokens) ?? [], parseResult.GetValue(_fromFile));
        var rate = parseResult.GetValue(_rate);
        return new(
            Source: source,
            AppHost: FlagOrEnvironment(parseResult, _appHost, environment, EnvironmentVariables.AppHost),
            AppId: FlagOrEnvironment(parseResult, _appId, environment, EnvironmentVariables.AppId),
            AppSecret: environment.GetValueOrDefault(EnvironmentVariables.AppSecret),
            Protocol: parseResult.GetValue(_protocol) ?? AuthingProtocol.Oidc,
            AuthMethod: parseResult.GetValue(_authMethod) ?? ClientAuthenticationMethod.ClientSecretPost,
            Hint: parseResult.GetValue(_hint),
            Json: parseResult.GetValue(_json))
        {
            StandIn = parseResult.GetValue(_standIn),
            // TOKEN arguments keep their contract: sent one after the other, in the given order.
            Concurrency = CappedByRate(parseResult.GetValue(_concurrency) ?? (source.IsStreamed ? OrderedRevocations.DefaultConcurrency : 1), rate),
            Rate = rate,
            FailedTo = parseResult.GetValue(_failedTo),
            Journal = parseResult.GetValue(_journal),
            Registry = FlagOrEnvironment(parseResult, _registry, environment, EnvironmentVariables.RevokedTokensRedis) is { Length: > 0 } registry ? registry : null,
            Quiet = parseResult.GetValue(_quiet),
        };
    }

    /// <summary>
    /// More requests in flight than the rate lets out within a few seconds only wait in the queue,
    /// and a library retry queued behind them would spend its revocation's overall time-out there.
    /// </summary>
    private static int CappedByRate(int concurrency, double? rate) =>
        rate is { } perSecond ? Math.Min(concurrency, Math.Max(1, (int)Math.Ceiling(perSecond * QueuedSeconds))) : concurrency;

    private static IEnumerable<string> SourceProblems(string[] tokens, string? fromFile, string? failedTo, string? journal)
    {
        if (journal is { Length: 0 } or TokenSource.StandardInputPath)
        {
            yield return "--journal needs a file path.";
        }
        else if (journal is not null && ((fromFile is { Length: > 0 } && SamePath(journal, fromFile)) || (failedTo is { Length: > 0 } && SamePath(journal, failedTo))))
        {
            yield return "--journal must be a file of its own, not the --from-file or --failed-to file.";
        }

        if (tokens.Length == 0 && fromFile is null)
        {
            yield return "Give the tokens to revoke: TOKEN arguments, --from-file PATH, or - to read them from standard input.";
        }

        if (tokens.Length > 0 && fromFile is not null)
        {
            yield return "Give TOKEN arguments or --from-file, not both.";
        }

        if (tokens.Length > 1 && tokens.Contains(TokenSource.StandardInputPath))
        {
            yield return "- (read the tokens from standard input) must be the only TOKEN.";
        }

        if (fromFile is { Length: 0 })
        {
            yield return "--from-file needs a path (or - for standard input).";
        }

        if (failedTo is { Length: 0 } or TokenSource.StandardInputPath)
        {
            yield return "--failed-to needs a file path: stdout has the results.";
        }
        else if (failedTo is not null && fromFile is { Length: > 0 } && SamePath(failedTo, fromFile))
        {
            yield return "--failed-to must not be the --from-file file: it is emptied first.";
        }
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static string? FlagOrEnvironment(ParseResult parseResult, Option<string> flag, IReadOnlyDictionary<string, string?> environment, string variable) =>
        parseResult.GetResult(flag) is { Implicit: false }
            ? parseResult.GetValue(flag) ?? string.Empty
            : environment.GetValueOrDefault(variable);

    // One parser for every enum flag: the wire name or an error naming the flag and what it accepts.
    private static T? Parse<T>(ArgumentResult result, string flag, string expected, TryParseValue<T> tryParse)
        where T : struct
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (tryParse(text, out var value))
        {
            return value;
        }

        result.AddError($"{flag} must be {expected}, not '{text}'.");
        return null;
    }
}
