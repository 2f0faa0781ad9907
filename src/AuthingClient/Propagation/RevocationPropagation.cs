using AuthingClient.Diagnostics;
using AuthingClient.Revocation;
using AuthingClient.Transport;
using Microsoft.Extensions.Logging;

namespace AuthingClient.Propagation;

/// <summary>
/// A revocation as the application sees it: at Authing and in every local cache. Marks the
/// revoked-token registry (before the call when fail-closed, after a confirmed revocation
/// otherwise), runs the call, then tells every observer. Local failures never stop the call or the
/// other observers; they are reported together once everything ran.
/// </summary>
internal sealed class RevocationPropagation
{
    private readonly RevocationServices _services;
    private readonly LocalRevocationTargets _targets;
    private readonly string _token;
    private readonly TokenTypeHint? _hint;
    private readonly List<Exception> _failures = [];

    private RevocationPropagation(RevocationServices services, LocalRevocationTargets targets, string token, TokenTypeHint? hint)
    {
        _services = services;
        _targets = targets;
        _token = token;
        _hint = hint;
    }

    /// <summary>Revokes at Authing and, when the client has local targets, reaches them too.</summary>
    public static Task<bool> RunAsync(RevocationServices services, LocalRevocationTargets targets, string token, TokenTypeHint? hint, CancellationToken cancellationToken) =>
        targets.IsEmpty
            ? new RevocationCall(services, token, hint).RunAsync(cancellationToken)
            : new RevocationPropagation(services, targets, token, hint).RunAsync(cancellationToken);

    private async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        if (_targets.Marking == RevokedTokenMarking.WhenRequested)
        {
            await MarkAsync(cancellationToken).ConfigureAwait(false);
        }

        var call = new RevocationCall(_services, _token, _hint);
        bool revoked;
        try
        {
            // Created after the mark: its telemetry measures the call to Authing alone.
            revoked = await call.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AuthingRevocationException remoteFailure)
        {
            // Not confirmed: observers are still told, so caches can drop the token fail-closed.
            await NotifyAsync(new RevocationNotice(_token, _hint, remoteFailure.Outcome, remoteFailure), cancellationToken).ConfigureAwait(false);
            if (_failures.Count == 0)
            {
                throw;
            }

            throw remoteFailure.WithObserverFailures(_failures);
        }

        if (revoked && _targets.Marking == RevokedTokenMarking.WhenConfirmed)
        {
            await MarkAsync(cancellationToken).ConfigureAwait(false);
        }

        var outcome = revoked ? RevocationOutcome.Revoked : RevocationOutcome.NotRevoked;
        await NotifyAsync(new RevocationNotice(_token, _hint, outcome), cancellationToken).ConfigureAwait(false);
        return _failures.Count == 0 ? revoked : throw AuthingRevocationException.AfterAnswer(outcome, call.Attempts, _failures);
    }

    private async Task MarkAsync(CancellationToken cancellationToken)
    {
        if (_targets.Registry is not { } registry)
        {
            return;
        }

        try
        {
            await registry.MarkRevokedAsync(_token, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            Record(ex, observer: null);
        }
    }

    private async Task NotifyAsync(RevocationNotice notice, CancellationToken cancellationToken)
    {
        var observers = _targets.Observers;
        if (observers.Count == 0)
        {
            return;
        }

        // Every observer is started before any is awaited: one slow or failing cache neither delays
        // nor prevents the others.
        var running = new Task[observers.Count];
        for (var i = 0; i < observers.Count; i++)
        {
            running[i] = TellAsync(observers[i], notice, cancellationToken);
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task TellAsync(IRevocationObserver observer, RevocationNotice notice, CancellationToken cancellationToken)
    {
        try
        {
            await observer.OnRevokedAsync(notice, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Record(ex, observer);
        }
    }

    /// <summary>Keeps a local failure for the caller's exception; <paramref name="observer"/> is null for the registry.</summary>
    private void Record(Exception exception, IRevocationObserver? observer)
    {
        lock (_failures)
        {
            _failures.Add(exception);
        }

        if (_services.Logger.IsEnabled(LogLevel.Warning))
        {
            var target = observer is null ? "the revoked-token registry" : $"revocation observer {observer.GetType().Name}";
            RevocationLogEvents.LocalRevocationFailed(_services.Logger, TokenFingerprint.Of(_token), target, exception);
        }
    }
}
