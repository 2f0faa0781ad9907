using AuthingClient.TestSupport;
using WireMock;
using WireMock.RequestBuilders;

namespace AuthingClient.Cli.Tests.Support;

/// <summary>
/// An Authing stub that holds its answer to one token until it has answered a number of others,
/// so that the answers come back in another order than the tokens were sent.
/// </summary>
internal sealed class OutOfOrderAuthing : IDisposable
{
    /// <summary>A safety net so that a broken client fails the test instead of hanging it; not a timing assertion.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ManualResetEventSlim _othersAnswered = new();
    private readonly ObservedWireMock _wire = new();
    private int _answered;

    private OutOfOrderAuthing(string heldToken, int others) =>
        _wire.Server
            .Given(Request.Create().WithPath(RevocationRequest.OidcPath).UsingPost())
            .RespondWith(_wire.RespondWith(request =>
            {
                if (FormFields.Parse(request.Body)["token"] == heldToken)
                {
                    HeldTokenWaitedForTheOthers = _othersAnswered.Wait(Patience);
                }
                else if (Interlocked.Increment(ref _answered) == others)
                {
                    _othersAnswered.Set();
                }

                return Task.FromResult<IResponseMessage>(new ResponseMessage { StatusCode = 200 });
            }));

    public string Url => _wire.Url;

    /// <summary>Whether the held token was answered only after the others (rather than after <see cref="Patience"/> ran out).</summary>
    public bool HeldTokenWaitedForTheOthers { get; private set; }

    /// <summary>Answers <paramref name="heldToken"/> only after <paramref name="others"/> other tokens were answered.</summary>
    public static OutOfOrderAuthing Holding(string heldToken, int others) => new(heldToken, others);

    public void Dispose()
    {
        _wire.Dispose();
        _othersAnswered.Dispose();
    }
}
