using AuthingClient.Cli.Input;
using AuthingClient.Cli.Tests.Support;

namespace AuthingClient.Cli.Tests.Input;

public class LineCountTests
{
    [Fact]
    public async Task Count_LinesWithoutAToken_AreSkippedLikeTheReaderSkipsThem()
    {
        using var file = TokenFile.With("token-a\r\n\r\n \t \ntoken-b\n  token-c");

        var count = await LineCount.CountTokenLinesAsync(file.Path, CancellationToken.None);

        Assert.Equal(3, count);
    }
}
