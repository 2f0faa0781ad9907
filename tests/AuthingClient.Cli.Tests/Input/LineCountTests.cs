using AuthingClient.Cli.Input;
using AuthingClient.Cli.Tests.Support;

namespace AuthingClient.Cli.Tests.Input;

public class LineCountTests
{
    [Fact]
    public async Task Only_lines_that_hold_a_token_are_counted_like_the_reader_skips_the_others()
    {
        using var file = TokenFile.With("token-a\r\n\r\n \t \ntoken-b\n  token-c");

        var count = await LineCount.CountTokenLinesAsync(file.Path, CancellationToken.None);

        Assert.Equal(3, count);
    }
}
