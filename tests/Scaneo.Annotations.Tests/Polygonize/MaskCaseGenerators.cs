using FsCheck;
using FsCheck.Fluent;

namespace Scaneo.Annotations.Tests.Polygonize;

public static class MaskCaseGenerators
{
    public static Arbitrary<MaskCase> Cases(int maxSide) => Arb.From(
        from kind in Gen.Choose(0, MaskCase.KindCount - 1)
        from shape in Gen.Choose(0, 5)
        from w in Gen.Choose(1, maxSide)
        from h in Gen.Choose(1, maxSide)
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from t in Gen.Choose(0, MaskCase.Transforms.Length - 1)
        select new MaskCase(kind, shape == 0 ? 1 : w, shape == 1 ? 1 : h, seed, t));
}
