using System.CommandLine;
using AuthingClient.Cli.Input;
using AuthingClient.Cli.Settings;
using AuthingClient.Cli.Users;

namespace AuthingClient.Cli;

/// <summary>
/// <c>revoke-user USER_ID... [options]</c>: the flags, their help text and how they become
/// <see cref="UserRunSettings"/>. The work itself is done by <see cref="RevokeUserRun"/>.
/// </summary>
internal sealed class RevokeUserCommand : Command
{
    private readonly Argument<string[]> _users = new("USER_ID")
    {
        Arity = ArgumentArity.ZeroOrMore,
        Description = "The Authing user ids (the sub of their tokens) whose tokens every instance must reject from now on, one result line each, in this order. A lone - reads them from standard input, as --from-file -.",
    };

    private readonly Option<string> _fromFile = new("--from-file")
    {
        HelpName = "PATH",
        Description = "Read the user ids from PATH (- for standard input), one per line, streamed; whitespace around an id is removed and blank lines are skipped.",
    };

    private readonly Option<string> _registry = new("--registry")
    {
        HelpName = "REDIS",
        Description = $"Required: the fleet's revoked-token registry in Redis (the StackExchange.Redis connection string services give as Authing:RevokedTokens:Redis; default key prefix). Default: ${EnvironmentVariables.RevokedTokensRedis}.",
    };

    private readonly Option<string> _issuer = new("--issuer")
    {
        HelpName = "ISS",
        Description = $"The issuer (iss) of the users' tokens. Default: the app host followed by /oidc, from --app-host or ${EnvironmentVariables.AppHost}; without any of them the run is refused (exit 2).",
    };

    private readonly Option<string> _appHost = new("--app-host")
    {
        HelpName = "URL",
        Description = $"The application's Authing domain, e.g. https://example.authing.cn, for the default --issuer. Default: ${EnvironmentVariables.AppHost}.",
    };

    private readonly Option<string> _app = new("--app")
    {
        HelpName = "APP_ID",
        Description = "Revoke only the users' tokens for this application (their aud), as a kick from one application in the Authing console does. Default: every application.",
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print one JSON object per user instead of true/error: {\"user\": the id, \"revoked\": true|null, \"error\": null, \"registry_error\" or \"invalid_argument\"}.",
    };

    private readonly Option<bool> _quiet = new("--quiet", "-q")
    {
        Description = "Write no summary on stderr; reasons for failures are still written.",
    };

    public RevokeUserCommand(IReadOnlyDictionary<string, string?> environment, CliConsole console)
        : base("revoke-user", "End every session of users: every instance that shares the revoked-token registry in Redis rejects their tokens issued until now (and accepts those issued after, when they sign in again). Prints one line per user on stdout, in input order: true (Redis confirmed) or error. Authing is not called: for a token of your own, use revoke.")
    {
        Add(_users);
        Add(_fromFile);
        Add(_registry);
        Add(_issuer);
        Add(_appHost);
        Add(_app);
        Add(_json);
        Add(_quiet);
        Validators.Add(result =>
        {
            var users = result.GetValue(_users) ?? [];
            var fromFile = result.GetValue(_fromFile);
            if (users.Length == 0 && fromFile is null)
            {
                result.AddError("Give the users: USER_ID arguments, --from-file PATH, or - to read them from standard input.");
            }
            else if (users.Length > 0 && fromFile is not null)
            {
                result.AddError("Give USER_ID arguments or --from-file, not both.");
            }
            else if (users.Length > 1 && users.Contains(TokenSource.StandardInputPath))
            {
                result.AddError("- (read the users from standard input) must be the only USER_ID.");
            }
            else if (fromFile is { Length: 0 })
            {
                result.AddError("--from-file needs a path (or - for standard input).");
            }

            if (result.GetValue(_app) is { Length: 0 })
            {
                result.AddError("--app needs an application id.");
            }
        });

        SetAction(async (parseResult, cancellationToken) =>
        {
            if (DashTokens.Misplaced(parseResult, _users) is { Count: > 0 } problems)
            {
                var stderr = parseResult.InvocationConfiguration.Error;
                foreach (var problem in problems)
                {
                    await stderr.WriteLineAsync($"authing-revoke: {problem}").ConfigureAwait(false);
                }

                await stderr.WriteLineAsync("Run 'authing-revoke revoke-user --help' for usage.").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            var settings = new UserRunSettings(
                TokenSource.From(parseResult.GetValue(_users) ?? [], parseResult.GetValue(_fromFile)),
                Registry: Flag(parseResult, _registry, environment, EnvironmentVariables.RevokedTokensRedis),
                Issuer: parseResult.GetValue(_issuer),
                AppHost: Flag(parseResult, _appHost, environment, EnvironmentVariables.AppHost),
                Audience: parseResult.GetValue(_app),
                Json: parseResult.GetValue(_json),
                Quiet: parseResult.GetValue(_quiet));
            return await RevokeUserRun.RunAsync(settings, console, cancellationToken).ConfigureAwait(false);
        });
    }

    private static string? Flag(ParseResult parseResult, Option<string> flag, IReadOnlyDictionary<string, string?> environment, string variable) =>
        (parseResult.GetResult(flag) is { Implicit: false } ? parseResult.GetValue(flag) : environment.GetValueOrDefault(variable)) is { Length: > 0 } value ? value : null;
}
