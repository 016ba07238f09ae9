using Accreditation.BuildingBlocks.Errors;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Accreditation.BuildingBlocks.Tests.Errors;

public sealed class ErrorMappingInterceptorTests
{
    private static async Task<RpcException> CallThrowing(Exception exception, CancellationToken token = default)
    {
        var interceptor = new ErrorMappingInterceptor(NullLogger<ErrorMappingInterceptor>.Instance);
        return await Assert.ThrowsAsync<RpcException>(() =>
            interceptor.UnaryServerHandler<string, string>("request", new TestServerCallContext(token), (_, _) => throw exception));
    }

    [Fact]
    public async Task UnaryServerHandler_ValidationException_InvalidArgumentNamingField()
    {
        var e = await CallThrowing(new ValidationException("registration_number", "must be SW followed by digits"));

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("registration_number: must be SW followed by digits", e.Status.Detail);
        Assert.Equal("registration_number", e.Trailers.GetValue(ErrorTrailers.Field));
    }

    [Theory]
    [InlineData(typeof(DomainRuleException), StatusCode.FailedPrecondition)]
    [InlineData(typeof(NotFoundException), StatusCode.NotFound)]
    [InlineData(typeof(PermissionDeniedException), StatusCode.PermissionDenied)]
    [InlineData(typeof(ConcurrencyConflictException), StatusCode.Aborted)]
    public async Task UnaryServerHandler_ServiceException_KeepsItsCode(Type type, StatusCode expected)
    {
        var exception = (Exception)Activator.CreateInstance(type, [.. new object?[] { "the message" }.Concat(type.GetConstructors()[0].GetParameters().Length > 1 ? [null] : [])])!;

        var e = await CallThrowing(exception);

        Assert.Equal(expected, e.StatusCode);
        Assert.Equal("the message", e.Status.Detail);
    }

    [Fact]
    public async Task UnaryServerHandler_AlreadyExists_NamesExistingResourceInTrailer()
    {
        var e = await CallThrowing(new AlreadyExistsException("exists", "x-existing-id", "abc"));

        Assert.Equal(StatusCode.AlreadyExists, e.StatusCode);
        Assert.Equal("abc", e.Trailers.GetValue("x-existing-id"));
    }

    [Fact]
    public async Task UnaryServerHandler_UnexpectedException_InternalWithoutExceptionText()
    {
        var e = await CallThrowing(new InvalidOperationException("secret connection string and stack"));

        Assert.Equal(StatusCode.Internal, e.StatusCode);
        Assert.DoesNotContain("secret", e.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryServerHandler_StoreUnavailable_UnavailableSoCallerRetries()
    {
        var e = await CallThrowing(new RedisTimeoutException(CommandFlags.None, "timeout talking to password=hunter2", CommandStatus.Unknown));

        Assert.Equal(StatusCode.Unavailable, e.StatusCode);
        Assert.DoesNotContain("hunter2", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryServerHandler_CallCancelled_Cancelled()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var e = await CallThrowing(new OperationCanceledException(), cts.Token);

        Assert.Equal(StatusCode.Cancelled, e.StatusCode);
    }
}
