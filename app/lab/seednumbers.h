// The numbers the seed notes factorize, named once for every C++ site that
// starts from them: the lab's default request and the Threads tab's default
// input. (The notes' texts and builtin.json spell them out on their own.)
#pragma once

#include <QtGlobal>

#include <array>

namespace SeedNumbers {

// The notes' factorize() inputs: seven-digit numbers whose trial division up
// to n takes long enough to show threads, the GIL and processes apart.
constexpr std::array<quint64, 4> FactorizeInputs{2139079, 1214759, 1516637, 1852285};

} // namespace SeedNumbers
