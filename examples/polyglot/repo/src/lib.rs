use pyo3::prelude::*;

/// Sums the integers from 1 to `n`.
#[pyfunction]
fn triangle(n: u64) -> u64 {
    n * (n + 1) / 2
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(triangle, m)?)
}
