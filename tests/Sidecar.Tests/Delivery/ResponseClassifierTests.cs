using System.Text;
using Accreditation.Sidecar.Delivery;

namespace Accreditation.Sidecar.Tests.Delivery;

public sealed class ResponseClassifierTests
{
    [Theory]
    [InlineData(200, "", DeliveryOutcome.Success)]
    [InlineData(204, "", DeliveryOutcome.Success)]
    [InlineData(200, """{"status":"SUCCESS"}""", DeliveryOutcome.Success)]
    [InlineData(200, """{"status":"success"}""", DeliveryOutcome.Success)]
    [InlineData(200, """{"status":""}""", DeliveryOutcome.Success)]
    [InlineData(200, """{"other":1}""", DeliveryOutcome.Success)]
    [InlineData(200, "OK", DeliveryOutcome.Success)]
    [InlineData(200, """["x"]""", DeliveryOutcome.Success)]
    [InlineData(200, """{"status":"RETRY"}""", DeliveryOutcome.Retry)]
    [InlineData(200, """{"status":"MAYBE"}""", DeliveryOutcome.Retry)]
    [InlineData(200, """{"status":"DROP"}""", DeliveryOutcome.Drop)]
    [InlineData(404, "", DeliveryOutcome.Drop)]
    [InlineData(500, "", DeliveryOutcome.Retry)]
    [InlineData(503, """{"status":"SUCCESS"}""", DeliveryOutcome.Retry)]
    [InlineData(400, "", DeliveryOutcome.Retry)]
    [InlineData(302, "", DeliveryOutcome.Retry)]
    public void Classify_StatusAndBody_DaprRule(int status, string body, DeliveryOutcome expected) =>
        Assert.Equal(expected, ResponseClassifier.Classify(status, Encoding.UTF8.GetBytes(body)));
}
