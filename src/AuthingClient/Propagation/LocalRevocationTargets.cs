using AuthingClient.Revocation;

namespace AuthingClient.Propagation;

/// <summary>
/// Where a client's revocations must also reach, fixed when the client is built: the registry it
/// marks (and when) and the observers it tells.
/// </summary>
internal sealed class LocalRevocationTargets
{
    public static readonly LocalRevocationTargets None = new(registry: null, RevokedTokenMarking.WhenRequested, observers: []);

    private LocalRevocationTargets(RevokedTokenRegistry? registry, RevokedTokenMarking marking, IRevocationObserver[] observers)
    {
        Registry = registry;
        Marking = marking;
        Observers = observers;
    }

    public RevokedTokenRegistry? Registry { get; }

    public RevokedTokenMarking Marking { get; }

    public IReadOnlyList<IRevocationObserver> Observers { get; }

    public bool IsEmpty => Registry is null && Observers.Count == 0;

    /// <summary>
    /// The options' registry and observers first, then those from dependency injection; an observer
    /// registered both ways is told once.
    /// </summary>
    public static LocalRevocationTargets From(AuthenticationClientOptions options, IEnumerable<IRevocationObserver>? observers, RevokedTokenRegistry? registry)
    {
        var all = options.RevocationObservers.Concat(observers ?? []).Distinct<IRevocationObserver>(ReferenceEqualityComparer.Instance).ToArray();
        var chosen = options.RevokedTokenRegistry ?? registry;
        return chosen is null && all.Length == 0 ? None : new LocalRevocationTargets(chosen, options.RevokedTokenMarking, all);
    }
}
