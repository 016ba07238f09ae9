using Accreditation.Contracts.Reporting.V1;
using Grpc.Core;

namespace Accreditation.Cli.Reporting;

/// <summary>
/// Reads the register's change feed (StreamRegisterChanges) from a cursor and writes each change as
/// a line (<see cref="RegisterText.Change"/>). Until caught up, the service ends the stream once it
/// has sent every change made so far; following, the stream stays open and is opened again from
/// the last cursor whenever the service ends it, until the token is cancelled (Ctrl-C), which ends
/// the read normally. <see cref="Cursor"/> is then the cursor to resume from.
/// </summary>
public sealed class RegisterFeed(RegulatorService.RegulatorServiceClient client, TextWriter output)
{
    /// <summary>How long to wait before opening the feed again after the service ended a stream that brought nothing.</summary>
    public static readonly TimeSpan ReopenPause = TimeSpan.FromSeconds(1);

    /// <summary>Changes written so far.</summary>
    public int Changes { get; private set; }

    /// <summary>The cursor of the last change written, else the one the read started from ("" for the feed's start).</summary>
    public string Cursor { get; private set; } = "";

    /// <returns>Whether the read was cancelled (Ctrl-C) rather than ending by itself.</returns>
    public async Task<bool> ReadAsync(string? cursor, bool follow, CancellationToken cancellationToken)
    {
        Cursor = cursor ?? "";
        try
        {
            do
            {
                var before = Changes;
                await ReadStreamAsync(!follow, cancellationToken);
                if (follow && Changes == before)
                {
                    await Task.Delay(ReopenPause, cancellationToken);
                }
            }
            while (follow);

            return false;
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            return true;
        }
    }

    /// <summary>The lines that end a read: how many changes and the cursor a rerun resumes from.</summary>
    public async Task WriteEndAsync(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteLineAsync(Changes == 1 ? "1 change" : $"{Changes} changes");
        await writer.WriteLineAsync(Cursor.Length > 0
            ? "cursor: " + Cursor
            : "cursor: none yet (the feed is empty; run again without --cursor)");
    }

    private async Task ReadStreamAsync(bool stopWhenCaughtUp, CancellationToken cancellationToken)
    {
        using var call = client.StreamRegisterChanges(
            new StreamRegisterChangesRequest { Cursor = Cursor, StopWhenCaughtUp = stopWhenCaughtUp },
            cancellationToken: cancellationToken);
        await foreach (var change in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            await output.WriteLineAsync(RegisterText.Change(change));
            await output.FlushAsync(cancellationToken);
            Changes++;
            Cursor = change.Cursor;
        }
    }
}
