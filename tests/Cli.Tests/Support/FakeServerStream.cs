using System.Buffers.Binary;
using System.Globalization;
using Google.Protobuf;
using Grpc.Core;

namespace Accreditation.Cli.Tests.Support;

/// <summary>
/// The body of a server-streaming answer of <see cref="FakeGrpcHandler"/>: each message as a gRPC
/// frame when the client reads on, nothing before it asks (so a stream that waits holds the call
/// open, as a live feed does), then the status in the response's trailers: OK when the messages
/// end, or the status of the <see cref="RpcException"/> they throw. Disposing it (the client
/// cancelling the call) cancels the messages.
/// </summary>
public sealed class FakeServerStream : Stream
{
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _disposed = new();
    private readonly IAsyncEnumerator<IMessage> _messages;
    private byte[] _frame = [];
    private int _offset;
    private bool _ended;

    public FakeServerStream(IAsyncEnumerable<IMessage> messages, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(messages);
        _response = response ?? throw new ArgumentNullException(nameof(response));
        _messages = messages.GetAsyncEnumerator(_disposed.Token);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_offset == _frame.Length)
        {
            if (_ended || !await NextAsync(cancellationToken))
            {
                return 0;
            }
        }

        var count = Math.Min(buffer.Length, _frame.Length - _offset);
        _frame.AsMemory(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
            _disposed.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<bool> NextAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await _messages.MoveNextAsync().AsTask().WaitAsync(cancellationToken))
            {
                var body = _messages.Current.ToByteArray();
                _frame = new byte[5 + body.Length];
                BinaryPrimitives.WriteUInt32BigEndian(_frame.AsSpan(1), (uint)body.Length);
                body.CopyTo(_frame.AsSpan(5));
                _offset = 0;
                return true;
            }

            End(StatusCode.OK, "");
        }
        catch (RpcException e)
        {
            End(e.StatusCode, e.Status.Detail);
        }

        return false;
    }

    private void End(StatusCode code, string detail)
    {
        _ended = true;
        _response.TrailingHeaders.Add("grpc-status", ((int)code).ToString(CultureInfo.InvariantCulture));
        if (detail.Length > 0)
        {
            _response.TrailingHeaders.Add("grpc-message", Uri.EscapeDataString(detail));
        }
    }
}
