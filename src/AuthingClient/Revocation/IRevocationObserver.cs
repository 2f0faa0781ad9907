namespace AuthingClient.Revocation;

/// <summary>
/// Told after every revocation made through an <see cref="AuthenticationClient"/>, so a local
/// cache (earlier introspection results, a session store, a token cache…) can forget the token.
/// Authing's docs warn that revoking at Authing is not enough when tokens are validated locally.
/// </summary>
/// <remarks>
/// <para>
/// Every observer is told, whatever the outcome at Authing: <see cref="RevocationOutcome.Revoked"/>,
/// <see cref="RevocationOutcome.NotRevoked"/>, and a failed outcome (<see cref="RevocationNotice.Failure"/>)
/// when the call failed, so a cache can drop the token fail-closed. A revocation cancelled by the caller
/// tells no observer.
/// </para>
/// <para>
/// Observers are started one after the other without waiting for each to finish, then awaited
/// together: they may run concurrently, in no particular order. One failing does not stop the
/// others; the caller then gets an <see cref="AuthingRevocationException"/> whose
/// <see cref="AuthingRevocationException.ObserverFailures"/> says what failed.
/// Register them with <c>AddAuthingAuthenticationClient(...).AddRevocationObserver&lt;T&gt;()</c>
/// (they are singletons, like the client) or, without dependency injection, in
/// <see cref="AuthenticationClientOptions.RevocationObservers"/>.
/// </para>
/// </remarks>
public interface IRevocationObserver
{
    /// <summary>Called once per revocation, after Authing answered or the call failed.</summary>
    /// <param name="notice">The token, its hint and what Authing made of it.</param>
    /// <param name="cancellationToken">The caller's cancellation token.</param>
    /// <returns>A task that completes when the observer is done.</returns>
    ValueTask OnRevokedAsync(RevocationNotice notice, CancellationToken cancellationToken);
}
