using AuthingClient.Cli.Input;
using AuthingClient.Cli.Revocation;
using AuthingClient.Configuration;

namespace AuthingClient.Cli.Settings;

/// <summary>
/// Everything one <c>revoke</c> run needs, from flags and environment variables (flags win).
/// <see langword="null"/> means "not given": an empty flag or variable counts as given, so that an
/// unset shell variable fails validation. The stand-in is used only when asked for (<see cref="StandIn"/>).
/// </summary>
internal sealed record CliSettings(
    TokenSource Source,
    string? AppHost,
    string? AppId,
    string? AppSecret,
    AuthingProtocol Protocol,
    ClientAuthenticationMethod AuthMethod,
    TokenTypeHint? Hint,
    bool Json)
{
    /// <summary>How many revocations are in flight at once.</summary>
    public int Concurrency { get; init; } = OrderedRevocations.DefaultConcurrency;

    /// <summary>At most this many revocation requests per second, retries included (<c>--rate</c>); <see langword="null"/> for no limit until the server throttles.</summary>
    public double? Rate { get; init; }

    /// <summary>Where to write the tokens to retry (<c>--failed-to</c>); <see langword="null"/> for nowhere.</summary>
    public string? FailedTo { get; init; }

    /// <summary>The record of settled tokens to resume from and write to (<c>--journal</c>); <see langword="null"/> for none.</summary>
    public string? Journal { get; init; }

    /// <summary>What a journal belongs to: the same tokens settled at another app or host are not settled here.</summary>
    public string JournalTarget => $"{(StandIn ? "stand-in" : AppHost)} {WireNames.Protocol.ToWireName(Protocol)} app={AppId}";

    /// <summary>The StackExchange.Redis connection string of the fleet's revoked-token registry (<c>--registry</c>); <see langword="null"/> for none.</summary>
    public string? Registry { get; init; }

    /// <summary>No progress on stderr (<c>--quiet</c>).</summary>
    public bool Quiet { get; init; }

    /// <summary>Revoke at the built-in local stand-in (<c>--stand-in</c>), whatever <see cref="AppHost"/> says.</summary>
    public bool StandIn { get; init; }

    /// <summary>Neither an Authing domain nor <c>--stand-in</c>: there is nothing to revoke at, and the run is refused.</summary>
    public bool HasNoTarget => !StandIn && AppHost is null;

    /// <summary>Never shows the secret or the tokens.</summary>
    public override string ToString() =>
        $"CliSettings(Source={Source}, AppHost={AppHost}, AppId={AppId}, AppSecret={(AppSecret is null ? "(none)" : "***")}, Protocol={Protocol}, AuthMethod={AuthMethod}, Hint={Hint}, Json={Json}, StandIn={StandIn}, Concurrency={Concurrency}, Rate={Rate}, FailedTo={FailedTo}, Journal={Journal}, Registry={(Registry is null ? "(none)" : "***")}, Quiet={Quiet})";
}
