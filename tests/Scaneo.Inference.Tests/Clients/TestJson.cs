using System.Text.Json.Serialization;

namespace Scaneo.Inference.Tests.Clients;

[JsonSerializable(typeof(double[]))]
internal sealed partial class TestJson : JsonSerializerContext;
