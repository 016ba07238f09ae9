using Accreditation.Contracts.Reporting.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Accreditation.Cli.Reporting;

/// <summary>
/// Streams the whole register (ExportRegister) to a writer as it arrives: protobuf JSON, one entry
/// a line, or CSV with the columns of the service's export.csv. Every chunk carries the export's
/// moment and the feed cursor of that moment; the entries written must add up to the total the
/// service announced.
/// </summary>
public sealed class RegisterExport(RegulatorService.RegulatorServiceClient client)
{
    /// <summary>Entries written.</summary>
    public int Count { get; private set; }

    /// <summary>Entries in the whole export, as the service announced.</summary>
    public int Total { get; private set; }

    /// <summary>The moment the export is consistent as of.</summary>
    public Timestamp? AsOf { get; private set; }

    /// <summary>Where StreamRegisterChanges continues from with no gap and no duplicate.</summary>
    public string Cursor { get; private set; } = "";

    public async Task WriteAsync(TextWriter writer, bool csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (csv)
        {
            await writer.WriteAsync(Output.Csv.Line(RegisterText.ExportColumns));
        }

        using var call = client.ExportRegister(new ExportRegisterRequest(), cancellationToken: cancellationToken);
        await foreach (var chunk in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            Cursor = chunk.Cursor;
            AsOf = chunk.AsOf;
            Total = chunk.TotalEntries;
            foreach (var entry in chunk.Entries)
            {
                await writer.WriteAsync(csv ? RegisterText.ExportRow(entry) : JsonFormatter.Default.Format(entry) + "\n");
                Count++;
            }

            await writer.FlushAsync(cancellationToken);
        }

        if (Count != Total || Cursor.Length == 0)
        {
            throw new IOException($"the export ended after {Count} of {Total} entries{(Cursor.Length == 0 ? " without a cursor" : "")}");
        }
    }
}
