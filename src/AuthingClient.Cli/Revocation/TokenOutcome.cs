using System.Net;

namespace AuthingClient.Cli.Revocation;

/// <summary>
/// The result of revoking one token, as the CLI reports it, in the library's vocabulary
/// (<see cref="RevocationOutcome"/>). <see cref="Reason"/> is one line of text that never contains
/// the token or the secret.
/// </summary>
/// <param name="Outcome">What Authing made of the request; <see cref="RevocationOutcome.Unknown"/> when that is not known (nothing was sent, or an unexpected failure).</param>
/// <param name="Status">The HTTP status of a refusal or failure, if an answer came.</param>
/// <param name="Error">The OAuth error code, or what else went wrong (see <see cref="Output.TokenResultLine"/>).</param>
/// <param name="Reason">One line for people; <see langword="null"/> when revoked.</param>
/// <param name="RegistryFailed">Authing answered, but the <c>--registry</c> mark was not confirmed: the fleet may still accept the token.</param>
/// <param name="Throttled">Authing's last answer asked the run to slow down (<see cref="Pacing.RunPace.IsThrottling"/>): the revocation is worth starting again once the pause is over.</param>
internal sealed record TokenOutcome(RevocationOutcome Outcome, HttpStatusCode? Status, string? Error, string? Reason, bool RegistryFailed = false, bool Throttled = false)
{
    /// <summary>The error of a token that was never sent because the argument itself is malformed.</summary>
    public const string InvalidArgument = "invalid_argument";

    public static TokenOutcome Revoked { get; } = new(RevocationOutcome.Revoked, Status: null, Error: null, Reason: null);

    /// <summary>Authing answered and the registry, if any, took the mark: the token is done, and a re-run skips it.</summary>
    public bool Settled => Outcome is RevocationOutcome.Revoked or RevocationOutcome.NotRevoked && !RegistryFailed;

    /// <summary>Nothing was sent: the token argument itself is malformed.</summary>
    public bool NotSent => Outcome == RevocationOutcome.Unknown && Error == InvalidArgument;

    /// <summary>A token that was not sent: <paramref name="reason"/> says what is wrong with it.</summary>
    public static TokenOutcome Invalid(string reason) => new(RevocationOutcome.Unknown, Status: null, InvalidArgument, reason);

    /// <summary><c>true</c>, <c>false</c> or <see langword="null"/> (not settled).</summary>
    public bool? RevokedValue => Settled ? Outcome == RevocationOutcome.Revoked : null;
}
