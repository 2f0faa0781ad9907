using System.Text.Json;
using AuthingClient.Cli.Input;
using AuthingClient.Cli.Revocation;
using AuthingClient.Cli.Settings;

namespace AuthingClient.Cli.Users;

/// <summary>
/// <c>revoke-user</c>: marks a per-user revocation (<see cref="AuthingClient.Revocation.RevokedTokenRegistry.RevokeUserAsync"/>)
/// in the fleet's registry in Redis for each user id, one after the other, and prints one line per
/// user once Redis confirmed it. Authing is not called.
/// </summary>
internal static class RevokeUserRun
{
    /// <summary>The longest user id accepted; Authing's ids are 24 hex digits, custom ones far shorter than this.</summary>
    public const int MaxUserIdLength = 1024;

    private const string Program = "authing-revoke";

    public static async Task<int> RunAsync(UserRunSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        var stderr = console.Error;
        if (settings.Registry is not { } connection)
        {
            await stderr.WriteLineAsync($"{Program}: revoke-user needs the fleet's revoked-token registry: --registry REDIS or ${EnvironmentVariables.RevokedTokensRedis}. Nothing was revoked.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        if (settings.EffectiveIssuer is not { } issuer || !Uri.TryCreate(issuer, UriKind.Absolute, out _))
        {
            await stderr.WriteLineAsync($"{Program}: revoke-user needs the issuer of the users' tokens: --issuer ISS (an absolute URL), or --app-host URL / ${EnvironmentVariables.AppHost} for URL/oidc. Nothing was revoked.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        FleetRegistry registry;
        try
        {
            registry = FleetRegistry.Connect(connection, console.Time);
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync($"{Program}: invalid --registry: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
        catch (RegistryUnreachableException ex)
        {
            await stderr.WriteLineAsync($"{Program}: the run did not start: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.RequestFailed;
        }

        using (registry)
        {
            TokenInput input;
            try
            {
                input = TokenInput.Open(settings.Source, console.In);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"{Program}: cannot read the user ids: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            using (input)
            {
                return await MarkAllAsync(settings, issuer, registry, input, console, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> MarkAllAsync(UserRunSettings settings, string issuer, FleetRegistry registry, TokenInput input, CliConsole console, CancellationToken cancellationToken)
    {
        var (stdout, stderr) = (console.Out, console.Error);
        int revoked = 0, failed = 0, invalid = 0;
        await foreach (var user in input.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var name = settings.Source is TokenSource.Arguments ? $"USER_ID {user.Position}" : input.Name(user.Position);
            string? error = null;
            if (Problem(user) is { } problem)
            {
                error = "invalid_argument";
                invalid++;
                await stderr.WriteLineAsync($"{Program}: {name}: {problem}; nothing was written.").ConfigureAwait(false);
            }
            else
            {
                try
                {
                    await registry.RevokeUserAsync(issuer, user.Text, console.Time.GetUtcNow(), settings.Audience, cancellationToken).ConfigureAwait(false);
                    revoked++;
                }
                catch (InvalidOperationException ex)
                {
                    // FleetRegistry's messages name the failure's kind only, never the connection string.
                    error = "registry_error";
                    failed++;
                    await stderr.WriteLineAsync($"{Program}: {name}: {ex.Message}").ConfigureAwait(false);
                }
            }

            await stdout.WriteLineAsync(settings.Json
                ? JsonSerializer.Serialize(new UserResultLine(user.Truncated ? string.Empty : user.Text, error is null ? true : null, error), UserJsonContext.Default.UserResultLine)
                : error is null ? "true" : "error").ConfigureAwait(false);
        }

        if (!settings.Quiet)
        {
            var narrowed = settings.Audience is { } app ? $", application {app}" : string.Empty;
            await stderr.WriteLineAsync($"{Program}: {revoked} users revoked, {failed} failed, {invalid} invalid (issuer {issuer}{narrowed}).").ConfigureAwait(false);
        }

        return invalid > 0 ? ExitCodes.UsageError : failed > 0 ? ExitCodes.RequestFailed : ExitCodes.AllRevoked;
    }

    private static string? Problem(InputToken user) =>
        user.Truncated || user.Text.Length > MaxUserIdLength ? $"a user id is at most {MaxUserIdLength} characters"
        : user.Text.Length == 0 ? "a user id cannot be empty"
        : user.Text.Any(char.IsControl) ? "a user id cannot hold control characters"
        : null;
}
