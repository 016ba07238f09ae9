using System.Collections.Concurrent;
using System.Diagnostics;
using Accreditation.Contracts.Reporting.V1;
using Grpc.Core;

namespace Accreditation.LoadGen.Lag;

/// <summary>
/// Follows the regulator's change feed (StreamRegisterChanges) from the cursor of an export taken
/// before the candidates start, and notes when each registration number first shows as accredited
/// (Stopwatch timestamp of receipt). Whoever waits for a number gets a task that completes then.
/// </summary>
public sealed class FeedWatcher(RegulatorService.RegulatorServiceClient regulator)
{
    /// <summary>Before opening the feed again after the service ended a stream that brought nothing.</summary>
    public static readonly TimeSpan ReopenPause = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _accredited = new(StringComparer.Ordinal);
    private string _cursor = "";

    public long Changes { get; private set; }

    /// <summary>The feed's position now: the cursor of an export's first message (the export itself is not read).</summary>
    public async Task StartFromNowAsync(CancellationToken cancellationToken)
    {
        using var export = regulator.ExportRegister(new ExportRegisterRequest(), cancellationToken: cancellationToken);
        if (await export.ResponseStream.MoveNext(cancellationToken))
        {
            _cursor = export.ResponseStream.Current.Cursor;
        }
    }

    /// <summary>When the feed showed the number accredited (Stopwatch timestamp).</summary>
    public Task<long> AccreditedAsync(string registrationNumber) => Waiter(registrationNumber).Task;

    /// <summary>Reads the feed until cancelled.</summary>
    public async Task FollowAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var before = Changes;
            try
            {
                using var call = regulator.StreamRegisterChanges(new StreamRegisterChangesRequest { Cursor = _cursor }, cancellationToken: cancellationToken);
                while (await call.ResponseStream.MoveNext(cancellationToken))
                {
                    var at = Stopwatch.GetTimestamp();
                    var change = call.ResponseStream.Current;
                    _cursor = change.Cursor;
                    Changes++;
                    if (change.Entry?.Status == AccreditationStatus.Accredited)
                    {
                        Waiter(change.Entry.RegistrationNumber).TrySetResult(at);
                    }
                }
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.DeadlineExceeded)
            {
                // The stream broke: open it again from the last cursor.
            }

            if (Changes == before)
            {
                await Task.Delay(ReopenPause, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private TaskCompletionSource<long> Waiter(string registrationNumber) =>
        _accredited.GetOrAdd(registrationNumber, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
}
