using System.CommandLine;
using System.CommandLine.Parsing;
using AuthingClient.Cli.Revocation;
using AuthingClient.Cli.Settings;

namespace AuthingClient.Cli;

/// <summary>
/// <c>revoke TOKEN... [options]</c>: the flags, their help text and how they become
/// <see cref="CliSettings"/>. The work itself is done by <see cref="RevokeRun"/>.
/// </summary>
internal sealed class RevokeCommand : Command
{
    private readonly Argument<string[]> _tokens = new("TOKEN")
    {
        Arity = ArgumentArity.OneOrMore,
        Description = "The access or refresh tokens to revoke, one result line each, in this order. Put -- before a token that starts with '-'.",
    };

    private readonly Option<string> _appHost = new("--app-host")
    {
        HelpName = "URL",
        Description = $"The application's Authing domain, e.g. https://example.authing.cn. Default: ${EnvironmentVariables.AppHost}. When neither is set, a built-in local Authing stand-in on 127.0.0.1 is used and nothing is revoked at Authing.",
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
        CustomParser = result => Parse(result, "--protocol", WireNames.Protocols, static (string text, out AuthingProtocol? value) =>
        {
            var ok = WireNames.TryParseProtocol(text, out var parsed);
            value = ok ? parsed : null;
            return ok;
        }),
    };

    private readonly Option<ClientAuthenticationMethod?> _authMethod = new("--auth-method")
    {
        HelpName = "client_secret_post|client_secret_basic|none",
        Description = $"How the application authenticates at the revocation endpoint (the Authing console setting). Default: client_secret_post. The secret comes from ${EnvironmentVariables.AppSecret}; none sends no secret. client_secret_basic is not available with --protocol oauth.",
        CustomParser = result => Parse(result, "--auth-method", WireNames.AuthMethods, static (string text, out ClientAuthenticationMethod? value) =>
        {
            var ok = WireNames.TryParse(text, out ClientAuthenticationMethod parsed);
            value = ok ? parsed : null;
            return ok;
        }),
    };

    private readonly Option<TokenTypeHint?> _hint = new("--hint")
    {
        HelpName = "access_token|refresh_token",
        Description = "Tell Authing what kind of token each TOKEN is (token_type_hint). Default: no hint.",
        CustomParser = result => Parse(result, "--hint", WireNames.Hints, static (string text, out TokenTypeHint? value) =>
        {
            var ok = WireNames.TryParse(text, out TokenTypeHint parsed);
            value = ok ? parsed : null;
            return ok;
        }),
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print one JSON object per token instead of true/false: {\"token\": a SHA-256 prefix (never the token), \"revoked\": true|false|null, \"status\": HTTP status or null, \"error\": OAuth error code or null}.",
    };

    private delegate bool TryParseValue<T>(string text, out T value);

    public RevokeCommand(IReadOnlyDictionary<string, string?> environment)
        : base("revoke", "Revoke Authing access and refresh tokens (OAuth 2.0 token revocation, RFC 7009). Prints one line per TOKEN: true (revoked), false (Authing does not revoke that kind of token) or error.")
    {
        Add(_tokens);
        Add(_appHost);
        Add(_appId);
        Add(_protocol);
        Add(_authMethod);
        Add(_hint);
        Add(_json);
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

            return await RevokeRun.RunAsync(Settings(parseResult, environment), parseResult.InvocationConfiguration.Output, stderr, cancellationToken).ConfigureAwait(false);
        });
    }

    private CliSettings Settings(ParseResult parseResult, IReadOnlyDictionary<string, string?> environment) => new(
        Tokens: parseResult.GetValue(_tokens) ?? [],
        AppHost: FlagOrEnvironment(parseResult, _appHost, environment, EnvironmentVariables.AppHost),
        AppId: FlagOrEnvironment(parseResult, _appId, environment, EnvironmentVariables.AppId),
        AppSecret: environment.GetValueOrDefault(EnvironmentVariables.AppSecret),
        Protocol: parseResult.GetValue(_protocol) ?? AuthingProtocol.Oidc,
        AuthMethod: parseResult.GetValue(_authMethod) ?? ClientAuthenticationMethod.ClientSecretPost,
        Hint: parseResult.GetValue(_hint),
        Json: parseResult.GetValue(_json));

    private static string? FlagOrEnvironment(ParseResult parseResult, Option<string> flag, IReadOnlyDictionary<string, string?> environment, string variable) =>
        parseResult.GetResult(flag) is { Implicit: false }
            ? parseResult.GetValue(flag) ?? string.Empty
            : environment.GetValueOrDefault(variable);

    private static T Parse<T>(ArgumentResult result, string flag, string expected, TryParseValue<T> tryParse)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (tryParse(text, out var value))
        {
            return value;
        }

        result.AddError($"{flag} must be {expected}, not '{text}'.");
        return default!;
    }
}
