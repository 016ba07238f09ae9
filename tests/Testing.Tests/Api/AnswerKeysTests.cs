using Accreditation.Contracts.Testing.V1;
using Accreditation.TestSupport;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Accreditation.Testing.Tests.Api;

/// <summary>Answer keys never leave the service: nothing the delivery API returns carries a key or a correctness field.</summary>
[Collection(RedisGroup.Name)]
public sealed class AnswerKeysTests(RedisFixture redis) : TestingApiTestBase(redis)
{
    private static bool LooksLikeKey(FieldDescriptor field) =>
        field.Name.Contains("key", StringComparison.OrdinalIgnoreCase) || field.Name.Contains("correct", StringComparison.OrdinalIgnoreCase);

    /// <summary>Walks a response and every message inside it; fails on a set field that looks like a key or correctness.</summary>
    private static void AssertNoKeys(IMessage message, string path)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var value = field.Accessor.GetValue(message);
            var here = $"{path}.{field.Name}";
            if (LooksLikeKey(field))
            {
                Assert.True(IsEmpty(value), $"{here} is set in a delivery response");
            }

            switch (value)
            {
                case IMessage child:
                    AssertNoKeys(child, here);
                    break;
                case System.Collections.IEnumerable list when field.IsRepeated:
                    var i = 0;
                    foreach (var element in list)
                    {
                        if (element is IMessage m)
                        {
                            AssertNoKeys(m, $"{here}[{i}]");
                        }

                        i++;
                    }

                    break;
            }
        }
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        bool b => !b,
        System.Collections.ICollection c => c.Count == 0,
        _ => false,
    };

    [Fact]
    public void DeliveryApi_EveryResponseType_HasNoKeyOrCorrectnessField()
    {
        var seen = new HashSet<string>();
        var pending = new Stack<MessageDescriptor>(TestDeliveryService.Descriptor.Methods.Select(m => m.OutputType));
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type.FullName))
            {
                continue;
            }

            foreach (var field in type.Fields.InDeclarationOrder())
            {
                Assert.False(LooksLikeKey(field), $"{type.FullName}.{field.Name} could carry an answer key");
                if (field.FieldType == FieldType.Message)
                {
                    pending.Push(field.MessageType);
                }
            }
        }

        Assert.Contains("accreditation.testing.v1.DeliveredItem", seen);
    }

    [Fact]
    public async Task DeliveryApi_EveryResponseBeforeScoring_CarriesNoKey()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var responses = new List<IMessage>();
        var booked = await Delivery.BookSittingAsync(Book(enrolmentId));
        responses.Add(booked);
        var id = booked.Sitting.SittingId;
        responses.Add(await Delivery.GetSittingAsync(new GetSittingRequest { SittingId = id }));
        var started = await Delivery.StartSittingAsync(new StartSittingRequest { SittingId = id });
        responses.Add(started);
        responses.Add(await Delivery.SaveAnswersAsync(new SaveAnswersRequest { SittingId = id, Answers = { await AnswersAsync(started, 30) } }));
        responses.Add(await Delivery.StartSittingAsync(new StartSittingRequest { SittingId = id }));
        responses.Add(await Delivery.GetSittingAsync(new GetSittingRequest { SittingId = id }));

        foreach (var response in responses)
        {
            AssertNoKeys(response, response.Descriptor.Name);
        }

        Assert.All(responses, r => Assert.DoesNotContain("\"keys\"", JsonFormatter.Default.Format(r), StringComparison.Ordinal));
        Assert.All(started.Items, item => Assert.True(item.Options.Count is 4 or 8));
    }
}
