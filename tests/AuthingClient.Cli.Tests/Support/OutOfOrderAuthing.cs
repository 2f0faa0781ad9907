using AuthingClient.TestSupport;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

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
    private readonly WireMockServer _server;
    private int _answered;

    private OutOfOrderAuthing(string heldToken, int others)
    {
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        _server
            .Given(Request.Create().WithPath(RevocationRequest.OidcPath).UsingPost())
            .RespondWith(Response.Create().WithCallback(request =>
            {
                if (FormFields.Parse(request.Body)["token"] == heldToken)
                {
                    HeldTokenWaitedForTheOthers = _othersAnswered.Wait(Patience);
                }
                else if (Interlocked.Increment(ref _answered) == others)
                {
                    _othersAnswered.Set();
                }

                return new ResponseMessage { StatusCode = 200 };
            }));
    }

    public string Url => _server.Url!;

    /// <summary>Whether the held token was answered only after the others (rather than after <see cref="Patience"/> ran out).</summary>
    public bool HeldTokenWaitedForTheOthers { get; private set; }

    /// <summary>Answers <paramref name="heldToken"/> only after <paramref name="others"/> other tokens were answered.</summary>
    public static OutOfOrderAuthing Holding(string heldToken, int others) => new(heldToken, others);

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        _othersAnswered.Dispose();
    }
}
