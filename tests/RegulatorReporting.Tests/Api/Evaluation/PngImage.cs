using System.Buffers.Binary;
using System.IO.Compression;

namespace Accreditation.RegulatorReporting.Tests.Api.Evaluation;

/// <summary>Just enough of PNG to check a screenshot: the signature, the IHDR size and the inflated image data.</summary>
public sealed record PngImage(int Width, int Height, byte[] ImageData)
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static PngImage Read(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        Assert.True(file.Length > 8 && file.AsSpan(0, 8).SequenceEqual(Signature), "not a PNG file (signature)");
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        var at = 8;
        while (at + 8 <= file.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
            var data = file.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.CopyTo(inflated);
        }

        return new PngImage(width, height, inflated.ToArray());
    }

    /// <summary>How many different byte values the (filtered) image data holds: a few for one flat colour, many for a page with text and charts.</summary>
    public int DistinctBytes => ImageData.Distinct().Count();
}
