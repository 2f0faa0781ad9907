using System.Globalization;
using AuthingClient.Cli.Revocation;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AuthingClient.Cli.Progress;

/// <summary>
/// A live progress bar on stderr (Spectre.Console), redrawn a few times a second from the
/// <see cref="TimeProvider"/>: done/total with a bar once the total is known (a pulsing bar until
/// then, or for ever on standard input), the rate and the ETA, and the counts by outcome below.
/// Messages written meanwhile appear above it. It is cleared at the end, leaving the summary.
/// </summary>
internal sealed class ProgressBar : ProgressDisplay
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(200);

    private readonly Lock _lock = new();
    private readonly TextWriter _stderr;
    private readonly IAnsiConsole _console;
    private readonly RunTally _tally;
    private readonly TimeProvider _time;
    private volatile bool _showing;

    public ProgressBar(CliConsole console, RunTally tally)
    {
        // The caller decided this is a terminal: ANSI and interaction are not detected again here.
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Error),
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
        });
        _stderr = console.Error;
        _tally = tally;
        _time = console.Time;
    }

    /// <summary>
    /// While the bar shows, through Spectre.Console, which puts the line above the bar (and wraps it
    /// at the terminal's width); before and after, as is, so that the summary and its resume hint
    /// stay single lines to copy.
    /// </summary>
    public override void WriteLine(string line)
    {
        lock (_lock)
        {
            if (_showing)
            {
                _console.WriteLine(line);
            }
            else
            {
                _stderr.WriteLine(line);
            }
        }
    }

    public override Task<T> ShowWhileAsync<T>(Func<Task<T>> work) =>
        new Spectre.Console.Progress(_console, _time)
            .AutoRefresh(false)
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new ProgressBarColumn { Width = 30 }, new SpeedColumn(_tally))
            .UseRenderHook((bar, _) => new Rows(bar, new Text("  " + ProgressText.Counts(_tally.Snapshot()))))
            .StartAsync(async context =>
            {
                var task = context.AddTask("revoking", autoStart: true);
                task.IsIndeterminate = true;
                var timer = _time.CreateTimer(_ => Refresh(context, task), state: null, TimeSpan.Zero, RefreshInterval);
                await using (timer.ConfigureAwait(false))
                {
                    _showing = true;
                    try
                    {
                        return await work().ConfigureAwait(false);
                    }
                    finally
                    {
                        lock (_lock)
                        {
                            _showing = false;
                        }
                    }
                }
            });

    private void Refresh(ProgressContext context, ProgressTask task)
    {
        var tally = _tally.Snapshot();
        if (tally.Total is { } total)
        {
            task.IsIndeterminate = false;
            task.MaxValue = Math.Max(total, 1);
            task.Value = tally.Done;
        }

        context.Refresh();
    }

    /// <summary><c> 30% 12000 of 40000 done, 2400/s, ETA 0:00:12</c>; no percentage while the total is not known.</summary>
    private sealed class SpeedColumn(RunTally tally) : ProgressColumn
    {
        protected override bool NoWrap => true;

        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var snapshot = tally.Snapshot();
            var percentage = task.IsIndeterminate ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{task.Percentage,3:0}% ");
            return new Text($"{percentage}{ProgressText.Done(snapshot)}, {ProgressText.Speed(snapshot)}{ProgressText.Pace(snapshot.Pace)}");
        }
    }
}
