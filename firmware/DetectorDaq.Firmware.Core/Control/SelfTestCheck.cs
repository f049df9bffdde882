namespace DetectorDaq.Firmware.Control
{
    /// <summary>One check of a <see cref="SelfTestReport"/>.</summary>
    public struct SelfTestCheck
    {
        // Explicit fields and getters: auto-properties would make the compiler mark the getters
        // readonly with an attribute type that nanoFramework's mscorlib lacks.
        private readonly string _name;
        private readonly bool _passed;
        private readonly string _detail;

        /// <summary>Creates a check record.</summary>
        public SelfTestCheck(string name, bool passed, string detail)
        {
            _name = name;
            _passed = passed;
            _detail = detail;
        }

        /// <summary>What was checked, ≤ 40 ASCII characters.</summary>
        public string Name => _name;

        /// <summary>True when the check passed.</summary>
        public bool Passed => _passed;

        /// <summary>Measured or expected values, ≤ 80 ASCII characters.</summary>
        public string Detail => _detail;
    }
}
