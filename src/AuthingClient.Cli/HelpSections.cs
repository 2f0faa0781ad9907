using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using AuthingClient.Cli.Settings;

namespace AuthingClient.Cli;

/// <summary>
/// The standard help, followed by what the standard layout has no place for: the environment
/// variables, the exit codes scripts depend on, and examples.
/// </summary>
internal sealed class HelpSections : SynchronousCommandLineAction
{
    private readonly HelpAction _standardHelp;

    private HelpSections(HelpAction standardHelp) => _standardHelp = standardHelp;

    private const string Examples =
        """
          Revoke one token (prints true, false or error):
            authing-revoke revoke eyJhbGciOiJSUzI1NiJ9...

          Try it without Authing, against the built-in local stand-in (prints true):
            authing-revoke revoke --stand-in my-leaked-token

          An incident: at most 100 requests/s, resumable after a crash or Ctrl-C (run it again as is):
            authing-revoke revoke --from-file leaked.txt --concurrency 32 --rate 100 \
                --journal leaked.journal > results.txt

          Revoke every refresh token in a file, 32 at a time, keeping those to retry:
            authing-revoke revoke --from-file leaked.txt --hint refresh_token --concurrency 32 \
                --failed-to retry.txt > results.txt
            authing-revoke revoke --from-file retry.txt --failed-to retry-2.txt > results-2.txt

          Read the tokens from standard input:
            grep -o 'rt_[A-Za-z0-9]*' dump.log | authing-revoke revoke - > results.txt

          JSON lines for scripts, e.g. keep the results of the tokens not revoked:
            authing-revoke revoke --from-file leaked.txt --json | jq -c 'select(.revoked != true)'

          After an account takeover: every instance rejects the users' tokens issued until now:
            authing-revoke revoke-user --registry redis:6379 --app-host https://example.authing.cn \
                6123abc4567def8901234567 6123abc4567def8901234568
        """;

    public override bool ClearsParseErrors => true;

    public static void AddTo(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpSections((HelpAction)help.Action!);
    }

    public override int Invoke(ParseResult parseResult)
    {
        var result = _standardHelp.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Environment variables:");
        output.WriteLine(EnvironmentVariables.HelpText);
        output.WriteLine();
        output.WriteLine("Exit codes:");
        output.WriteLine(ExitCodes.HelpText);
        output.WriteLine();
        output.WriteLine("Examples:");
        output.WriteLine(Examples);
        return result;
    }
}
