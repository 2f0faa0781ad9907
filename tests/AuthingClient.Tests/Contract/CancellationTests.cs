using AuthingClient.Tests.Support;
using WireMock;

namespace AuthingClient.Tests.Contract;

/// <summary>The caller's cancellation token ends the call with <see cref="OperationCanceledException"/>.</summary>
public sealed class CancellationTests(RevocationServerFixture server) : ServerContractTests(server)
{
    [Theory]
    [MemberData(nameof(ContractMatrix.StandaloneAndDependencyInjection), MemberType = typeof(ContractMatrix))]
    public async Task RevokeTokenAsync_AlreadyCancelledToken_ThrowsOperationCanceledExceptionAndSendsNothing(ClientConstruction construction)
    {
        Server.AnswerOk();
        using var client = ClientUnderTest.Create(construction, TestApp.Options(Server.Url));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Client.RevokeTokenAsync(TestApp.Token, new CancellationToken(canceled: true)));

        Assert.Empty(Server.Requests);
    }

    [Theory]
    [MemberData(nameof(ContractMatrix.StandaloneAndDependencyInjection), MemberType = typeof(ContractMatrix))]
    public async Task RevokeTokenAsync_CancelledWhileTheServerIsAnswering_ThrowsOperationCanceledException(ClientConstruction construction)
    {
        using var cancellation = new CancellationTokenSource();
        var releaseServer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Server.AnswerWith(async _ =>
        {
            // The request has arrived: cancel, then hold the answer back until the test is done.
            await cancellation.CancelAsync();
            await releaseServer.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return new ResponseMessage { StatusCode = 200 };
        });
        try
        {
            using var client = ClientUnderTest.Create(construction, TestApp.Options(Server.Url));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Client.RevokeTokenAsync(TestApp.Token, cancellation.Token));
        }
        finally
        {
            releaseServer.TrySetResult();

            // The held request must be logged within this test, not after the next one's reset.
            await Server.WaitForRequestsAsync(1);
        }
    }
}
