using System.Diagnostics;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.Contracts.Reporting.V1;
using Accreditation.RegulatorReporting.Domain;
using Accreditation.RegulatorReporting.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;

namespace Accreditation.RegulatorReporting.Application;

/// <summary>What the regulator reads: statuses, the register in pages, the change feed and the export.</summary>
public sealed class RegulatorQueries(ReportingStore store, FeedCursor cursors, IOptions<ReportingOptions> options, TimeProvider clock)
{
    public const int MaxBulkCheck = 100;
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
    public const int ExportChunkSize = 500;
    public const int FeedBatchSize = 200;

    private static readonly JsonParser EntryParser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    /// <summary>The normalised registration number; INVALID_ARGUMENT naming <paramref name="field"/> otherwise.</summary>
    public static string RequireRegistrationNumber(string field, string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new ValidationException(field, "is required")
            : RegistrationNumber.Normalise(value) ?? throw new ValidationException(field, RegistrationNumber.Expected);

    public async Task<RegistrationStatus> GetStatusAsync(GetAccreditationStatusRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var number = RequireRegistrationNumber("registration_number", request.RegistrationNumber);
        return RegisterMapper.ToStatus(number, await store.GetRegistrationAsync(number));
    }

    public async Task<IReadOnlyList<RegistrationStatus>> CheckAsync(CheckAccreditationStatusesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RegistrationNumbers.Count == 0)
        {
            throw new ValidationException("registration_numbers", "must name at least one registration number");
        }

        if (request.RegistrationNumbers.Count > MaxBulkCheck)
        {
            throw new ValidationException("registration_numbers", $"may name at most {MaxBulkCheck} registration numbers per call");
        }

        var numbers = request.RegistrationNumbers.Select((n, i) => RequireRegistrationNumber($"registration_numbers[{i}]", n)).ToList();
        var known = new Dictionary<string, RegistrationStatus>(StringComparer.Ordinal);
        foreach (var number in numbers.Distinct(StringComparer.Ordinal))
        {
            known[number] = RegisterMapper.ToStatus(number, await store.GetRegistrationAsync(number));
        }

        return numbers.Select(n => known[n].Clone()).ToList();
    }

    public async Task<ListRegisterEntriesResponse> ListAsync(ListRegisterEntriesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.PageSize is < 0 or > MaxPageSize)
        {
            throw new ValidationException("page_size", $"must be between 0 and {MaxPageSize}");
        }

        var filter = RegisterFilter.From(request);
        var pageSize = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var after = RegisterPageToken.Decode(request.PageToken, filter);
        var response = new ListRegisterEntriesResponse();
        var batch = Math.Min(Math.Max(pageSize, 200), options.Value.RegisterScanBudget);
        var scannedInCall = 0;
        while (response.Entries.Count < pageSize)
        {
            // A filter that matches little must not scan the whole register in one call: past the
            // scan budget the page ends early with a token to continue from where the scan got to.
            if (scannedInCall >= options.Value.RegisterScanBudget)
            {
                response.NextPageToken = RegisterPageToken.Encode(after, filter);
                return response;
            }

            var scanned = await store.ScanRegisterAsync(after, batch);
            scannedInCall += scanned.Count;
            foreach (var (order, record) in scanned)
            {
                after = order;
                if (filter.Matches(record.View))
                {
                    response.Entries.Add(RegisterMapper.ToEntry(record));
                    if (response.Entries.Count == pageSize)
                    {
                        response.NextPageToken = RegisterPageToken.Encode(after, filter);
                        return response;
                    }
                }
            }

            if (scanned.Count < batch)
            {
                break;
            }
        }

        return response;
    }

    /// <summary>
    /// Sends every change after the request's cursor, in feed order, then keeps looking for new
    /// ones every poll interval until cancelled, caught up (when asked to stop then) or the maximum
    /// stream duration has passed. Each change carries the cursor to resume after it.
    /// </summary>
    public async Task StreamChangesAsync(StreamRegisterChangesRequest request, Func<StreamRegisterChangesResponse, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(write);
        var position = cursors.Decode(request.Cursor);
        var feed = options.Value.Feed;
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = await store.ReadFeedAsync(position, FeedBatchSize);
            if (read.LostAfter(position))
            {
                throw new CursorOutOfRangeException("the feed no longer holds the changes after this cursor; export the register and follow the feed from the export's cursor");
            }

            if (position > read.LastWritten)
            {
                throw new CursorOutOfRangeException("the cursor is ahead of this register's feed (another deployment's, or the store was reset); export the register and follow the feed from the export's cursor");
            }

            foreach (var change in read.Entries)
            {
                var entry = EntryParser.Parse<RegisterEntry>(change.EntryJson);
                await write(new StreamRegisterChangesResponse { Cursor = cursors.Encode(change.Position), ChangedAt = entry.UpdatedAt, Entry = entry });
                position = change.Position;
            }

            if (read.Entries.Count == FeedBatchSize)
            {
                continue;
            }

            if (request.StopWhenCaughtUp || Stopwatch.GetElapsedTime(started) >= feed.MaxStreamDuration)
            {
                return;
            }

            await Task.Delay(feed.PollInterval, cancellationToken);
        }
    }

    /// <summary>The whole register as of one moment (one atomic read with the feed position), in chunks that each carry that position's cursor.</summary>
    public async Task ExportAsync(Func<ExportRegisterResponse, Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        // The moment is taken before the snapshot: every change committed before as_of is in it.
        var asOf = Timestamp.FromDateTimeOffset(clock.GetUtcNow());
        var snapshot = await store.SnapshotAsync();
        var cursor = cursors.Encode(snapshot.Position);
        var total = snapshot.Records.Count;
        var chunks = snapshot.Records.Chunk(ExportChunkSize).ToList();
        if (chunks.Count == 0)
        {
            await write(new ExportRegisterResponse { Cursor = cursor, AsOf = asOf, TotalEntries = 0 });
            return;
        }

        foreach (var chunk in chunks)
        {
            var message = new ExportRegisterResponse { Cursor = cursor, AsOf = asOf, TotalEntries = total };
            message.Entries.AddRange(chunk.Select(RegisterMapper.ToEntry));
            await write(message);
        }
    }
}
