using Accreditation.Testing.Domain;
using Accreditation.Testing.Infrastructure;
using Microsoft.Extensions.Options;

namespace Accreditation.Testing.Application;

/// <summary>Closes and scores sittings left open past their deadline plus grace (the candidate never submitted).</summary>
public sealed partial class DeadlineCloser(
    SittingRepository sittings,
    DeliveryCommands commands,
    IOptions<TestingOptions> options,
    TimeProvider clock,
    ILogger<DeadlineCloser> logger) : BackgroundService
{
    /// <summary>One pass; returns how many sittings it closed.</summary>
    public async Task<int> CloseOverdueAsync()
    {
        var closed = 0;
        foreach (var id in await sittings.OverdueAsync(clock.GetUtcNow(), 100))
        {
            try
            {
                if (await commands.CloseOverdueAsync(id))
                {
                    closed++;
                    LogClosed(id);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One sitting that cannot close (a concurrent withdrawal, a conflict) must not hold up the others.
                LogSittingFailed(e, id);
            }
        }

        return closed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DeadlineScanInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CloseOverdueAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed sitting {SittingId} at its deadline and scored it")]
    private partial void LogClosed(string sittingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing sitting {SittingId} at its deadline failed; the next pass tries again")]
    private partial void LogSittingFailed(Exception exception, string sittingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing overdue sittings failed; the next pass tries again")]
    private partial void LogFailed(Exception exception);
}
