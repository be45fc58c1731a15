//! The Polars expression plugin behind `digicat.polars.classify`: the C functions Polars looks
//! up in the shared library given to `polars.plugins.register_plugin_function`, written over the
//! plugin ABI directly, without pyo3-polars (built on pyo3 0.29, which cannot be linked beside
//! our pyo3 0.30). Polars calls them from its own threads, in lazy queries and in the streaming
//! engine, without Python and without the GIL.
//!
//! The ABI (Polars' `polars-ffi` crate, version 0.1, and the loader in `polars-plan`):
//! - `_polars_plugin_get_version() -> u32`: the ABI version, `major << 16 | minor`;
//! - `_polars_plugin_field_classify(fields, n, out, kwargs, kwargs_len)`: the output field for
//!   the `n` input fields (Arrow C `ArrowSchema`s, owned by Polars), written to `out`;
//! - `_polars_plugin_classify(inputs, n, kwargs, kwargs_len, out, context)`: the function. The
//!   `n` inputs are `SeriesExport`s (a field and its Arrow C arrays) that the plugin takes over
//!   and releases; the result is a `SeriesExport` written to `out`, released by Polars;
//! - `_polars_plugin_get_last_error_message() -> *const c_char`: the message of the calling
//!   thread's last failure, read by Polars when `out` was left empty.
//!
//! The keyword arguments come pickled (a dict), read with serde-pickle. Inputs are imported
//! with arrow-rs' C Data Interface (`from_ffi`), read by the Arrow entry point's
//! [`StrColumn`] (same types accepted, same refusal of number columns), classified in chunks
//! against each catalogue asked for and built by `digicat_arrow::TableBuilder` (one column set
//! per catalogue, as the Arrow entry point), and exported as one struct array per chunk
//! (`to_ffi`). Every entry point catches panics: nothing unwinds into Polars.

use crate::arrow::{append_classified, batches_on, StrColumn};
use crate::{distinct_catalogues, no_catalogue};
use arrow_array::ffi::{from_ffi, to_ffi, FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::{make_array, Array, ArrayRef, RecordBatch, StructArray};
use arrow_schema::{DataType, Field};
use digicat::report::Lang;
use digicat::{CatalogueId, Options};
use serde::Deserialize;
use std::cell::RefCell;
use std::ffi::{c_char, c_void, CString};
use std::mem::ManuallyDrop;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// The plugin ABI version implemented: 0.1 (the field function takes the keyword arguments).
const ABI_VERSION: u32 = 1;

/// The name of the output struct column.
const OUTPUT: &str = "digicat";

/// A Polars `Series` over the C interface (`polars_ffi::version_0::SeriesExport`): its field,
/// its chunks and the callback that frees this struct's own allocations (not the arrays, which
/// the importer takes over one by one).
#[repr(C)]
pub struct SeriesExport {
    field: *mut FFI_ArrowSchema,
    arrays: *mut *mut FFI_ArrowArray,
    len: usize,
    release: Option<unsafe extern "C" fn(*mut SeriesExport)>,
    private_data: *mut c_void,
}

/// What Polars tells the plugin about the call (`polars_ffi::version_0::CallerContext`): bit 0
/// set means Polars runs this call in parallel with others, so the plugin should not start
/// threads of its own.
#[repr(C)]
pub struct CallerContext {
    bitflags: u64,
}

/// The keyword arguments of `digicat.polars.classify`, pickled by Polars.
#[derive(Deserialize)]
struct Kwargs {
    /// Which inputs were given, in order: `"code"`, `"text"` or both.
    columns: Vec<String>,
    policy: String,
    edition: String,
    lang: String,
    /// The catalogue ids, in the order of their column sets.
    catalogues: Vec<String>,
}

impl Kwargs {
    /// Reads the pickled dict.
    fn read(bytes: &[u8]) -> Result<Self, String> {
        serde_pickle::from_slice(bytes, serde_pickle::DeOptions::new())
            .map_err(|e| format!("digicat plugin: unreadable keyword arguments: {e}"))
    }

    /// The options, language and catalogues (at least one, each once).
    fn options(&self) -> Result<(Options, Lang, Vec<CatalogueId>), String> {
        let lang: Lang = self.lang.parse().map_err(|e| message(&e, Lang::En))?;
        let parse = || -> Result<Options, digicat::CodeError> {
            Ok(Options {
                policy: self.policy.parse()?,
                edition: self.edition.parse()?,
            })
        };
        let options = parse().map_err(|e| message(&e, lang))?;
        let ids = self
            .catalogues
            .iter()
            .map(|c| c.parse().map_err(|e| message(&e, lang)))
            .collect::<Result<Vec<CatalogueId>, String>>()?;
        let ids = distinct_catalogues(ids).ok_or_else(|| no_catalogue(lang).to_owned())?;
        Ok((options, lang, ids))
    }

    /// The position among the inputs of `name` (`"code"` or `"text"`), if given.
    fn input(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }
}

/// A core error's message in `lang`.
fn message(e: &digicat::CodeError, lang: Lang) -> String {
    e.message(lang)
}

/// The output field: a struct of the result columns of `catalogues`
/// (`digicat_arrow::schema_for`).
fn output_field(catalogues: &[CatalogueId]) -> Field {
    Field::new(
        OUTPUT,
        DataType::Struct(digicat_arrow::schema_for(catalogues).fields().clone()),
        true,
    )
}

thread_local! {
    /// The message of this thread's last failure (Polars reads it on the failing thread).
    static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
}

/// Records `msg` as this thread's last error.
fn set_error(msg: &str) {
    let msg = CString::new(msg.replace('\0', " ")).unwrap_or_default();
    LAST_ERROR.with(|last| *last.borrow_mut() = msg);
}

/// Runs `f`, recording its error or panic as the last error; `true` if it succeeded.
fn guarded(f: impl FnOnce() -> Result<(), String>) -> bool {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(())) => true,
        Ok(Err(msg)) => {
            set_error(&msg);
            false
        }
        Err(_) => {
            set_error("digicat plugin: internal error (panic) [内部错误]; please report it");
            false
        }
    }
}

/// The plugin ABI version, `major << 16 | minor`.
#[no_mangle]
pub extern "C" fn _polars_plugin_get_version() -> u32 {
    ABI_VERSION
}

/// The message of the calling thread's last failure (empty if none), valid until its next call.
#[no_mangle]
pub extern "C" fn _polars_plugin_get_last_error_message() -> *const c_char {
    LAST_ERROR.with(|last| last.borrow().as_ptr())
}

/// The output field of `classify` for the `len` input fields at `fields` (Polars owns them),
/// written to `out`; on an error (an input that is not text, bad keyword arguments) `out` is
/// left as it is and the message is the last error.
///
/// # Safety
/// Polars' plugin ABI 0.1: `fields` points to `len` valid `ArrowSchema`s, `out` to a writable
/// empty `ArrowSchema`, `kwargs` to `kwargs_len` bytes.
#[no_mangle]
pub unsafe extern "C" fn _polars_plugin_field_classify(
    fields: *const FFI_ArrowSchema,
    len: usize,
    out: *mut FFI_ArrowSchema,
    kwargs: *const u8,
    kwargs_len: usize,
) {
    guarded(|| {
        // SAFETY: by the ABI, `kwargs` points to `kwargs_len` bytes that live during the call.
        let kwargs = Kwargs::read(unsafe { bytes(kwargs, kwargs_len) })?;
        let (_, _, catalogues) = kwargs.options()?;
        let fields: &[FFI_ArrowSchema] = if len == 0 {
            &[]
        } else {
            // SAFETY: by the ABI, `fields` points to `len` schemas that Polars owns and keeps
            // alive during the call; they are only read here.
            unsafe { std::slice::from_raw_parts(fields, len) }
        };
        for (name, schema) in kwargs.columns.iter().zip(fields) {
            let ty = DataType::try_from(schema).map_err(|e| e.to_string())?;
            StrColumn::cast_for(&ty, name, false).map_err(|e| e.message().to_owned())?;
        }
        let field =
            FFI_ArrowSchema::try_from(&output_field(&catalogues)).map_err(|e| e.to_string())?;
        // SAFETY: by the ABI, `out` points to a writable `ArrowSchema` holding nothing to
        // release; `write` does not drop it. Polars takes over (and releases) `field`.
        unsafe { out.write(field) };
        Ok(())
    });
}

/// Classifies the rows of the `len` input series at `inputs` (the columns named by the
/// `columns` keyword argument), writing the struct series to `out`; on an error `out` is left
/// empty and the message is the last error. The inputs are released in every case.
///
/// # Safety
/// Polars' plugin ABI 0.1: `inputs` points to `len` valid `SeriesExport`s handed over to the
/// plugin, `kwargs` to `kwargs_len` bytes, `out` to a writable empty `SeriesExport`, `context`
/// to a `CallerContext` (or is null).
#[no_mangle]
pub unsafe extern "C" fn _polars_plugin_classify(
    inputs: *const SeriesExport,
    len: usize,
    kwargs: *const u8,
    kwargs_len: usize,
    out: *mut SeriesExport,
    context: *const CallerContext,
) {
    // The inputs are taken over first, outside of any fallible step, so they are released
    // (when `series` drops) whatever happens next.
    let series: Vec<Input> = (0..len)
        // SAFETY: by the ABI, `inputs` points to `len` initialised `SeriesExport`s that are
        // ours from now on (Polars forgets them); each is read out exactly once.
        .map(|i| Input::new(unsafe { inputs.add(i).read() }))
        .collect();
    // SAFETY: by the ABI, `context` is null or points to a `CallerContext` for the call.
    let parallel = unsafe { context.as_ref() }.is_some_and(|c| c.bitflags & 1 != 0);
    guarded(|| {
        // SAFETY: by the ABI, `kwargs` points to `kwargs_len` bytes that live during the call.
        let kwargs = Kwargs::read(unsafe { bytes(kwargs, kwargs_len) })?;
        let threads = if parallel { 1 } else { threads() };
        let result = classify(series, &kwargs, threads)?;
        // SAFETY: by the ABI, `out` points to a writable `SeriesExport` holding nothing to
        // release; `write` does not drop it. Polars releases the export.
        unsafe { out.write(result) };
        Ok(())
    });
}

/// The bytes at `ptr` (none when `len` is 0, whatever `ptr` is).
///
/// # Safety
/// If `len > 0`, `ptr` points to `len` readable bytes that outlive the returned slice.
unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    if len == 0 || ptr.is_null() {
        return &[];
    }
    // SAFETY: guaranteed by the caller.
    unsafe { std::slice::from_raw_parts(ptr, len) }
}

/// The threads a call may use: `POLARS_MAX_THREADS` when set (as Polars' own pool), else every
/// core.
fn threads() -> usize {
    std::env::var("POLARS_MAX_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(crate::cores)
}

/// An input series taken over from Polars, with the number of its arrays moved out so far.
/// Dropping it releases the arrays not moved out (an error stopped the reading) and then the
/// export's own allocations.
struct Input {
    export: SeriesExport,
    taken: usize,
}

impl Input {
    /// Takes over an export.
    fn new(export: SeriesExport) -> Self {
        Self { export, taken: 0 }
    }

    /// The field type and arrays of the series; the arrays are moved out (once).
    fn arrays(&mut self) -> Result<(DataType, Vec<ArrayRef>), String> {
        let e = &self.export;
        if e.field.is_null() || (e.len > 0 && e.arrays.is_null()) {
            return Err("digicat plugin: an empty input series".to_owned());
        }
        // SAFETY: a valid export's `field` points to its schema, alive until it is released.
        let schema = unsafe { &*e.field };
        let ty = DataType::try_from(schema).map_err(|e| e.to_string())?;
        let mut arrays = Vec::with_capacity(e.len);
        while self.taken < e.len {
            // SAFETY: `arrays` holds `len` pointers to `ArrowArray`s; each is moved out once
            // (`taken` counts them; the export's release frees the boxes only), so arrow-rs
            // owns and releases it.
            let array = unsafe { (*e.arrays.add(self.taken)).read() };
            self.taken += 1;
            // SAFETY: the array and the schema are valid C Data Interface structs of one type.
            let data = unsafe { from_ffi(array, schema) }.map_err(|e| e.to_string())?;
            arrays.push(make_array(data));
        }
        Ok((ty, arrays))
    }
}

impl Drop for Input {
    fn drop(&mut self) {
        let e = &mut self.export;
        if !e.arrays.is_null() {
            while self.taken < e.len {
                // SAFETY: as in `arrays`: an array not moved out yet, moved out once and
                // dropped (which calls its release callback).
                drop(unsafe { (*e.arrays.add(self.taken)).read() });
                self.taken += 1;
            }
        }
        if let Some(release) = e.release.take() {
            // SAFETY: `release` is Polars' callback for this export, called once (it is taken
            // out of the struct); it frees the export's own allocations, not the arrays.
            unsafe { release(e) }
        }
    }
}

/// Classifies the given series (named by `kwargs.columns`) on `threads` threads: the export of
/// the struct series.
fn classify(
    mut series: Vec<Input>,
    kwargs: &Kwargs,
    threads: usize,
) -> Result<SeriesExport, String> {
    let (options, lang, catalogues) = kwargs.options()?;
    if series.len() != kwargs.columns.len() || series.is_empty() {
        return Err(format!(
            "digicat plugin: {} inputs for the columns {:?}",
            series.len(),
            kwargs.columns
        ));
    }
    let mut columns = Vec::with_capacity(series.len());
    for (input, name) in series.iter_mut().zip(&kwargs.columns) {
        let (ty, arrays) = input.arrays()?;
        columns.push(
            StrColumn::from_arrays(arrays, &ty, name, false).map_err(|e| e.message().to_owned())?,
        );
    }
    drop(series);
    let column = |name| kwargs.input(name).and_then(|i| columns.get(i));
    let (codes, texts) = (column("code"), column("text"));
    let lens: Vec<usize> = columns.iter().map(StrColumn::len).collect();
    let n = lens.iter().copied().max().unwrap_or(0);
    if lens.iter().any(|&l| l != n && l != 1) {
        return Err(format!(
            "digicat.polars.classify: code and text have {lens:?} values; give one value per \
             row in both [code 与 text 行数须相同]"
        ));
    }
    let codes = codes.map(StrColumn::cells);
    let texts = texts.map(StrColumn::cells);
    let batches = batches_on(threads, n, &catalogues, |builder, i| {
        let record = (cell(&codes, i), cell(&texts, i));
        append_classified(builder, &catalogues, record, &options, lang)
    })
    .map_err(|e| format!("digicat plugin: building the Arrow result failed: {e}"))?;
    export(batches, &catalogues)
}

/// Row `i` of a column, if given; a column of one value (a literal) applies to every row.
fn cell<'a>(column: &Option<Vec<Option<&'a str>>>, i: usize) -> Option<&'a str> {
    column
        .as_ref()
        .and_then(|c| if c.len() == 1 { c.first() } else { c.get(i) })
        .copied()
        .flatten()
}

/// The private data of an exported series: the schema and the boxes of the array structs.
struct Exported {
    _schema: Box<FFI_ArrowSchema>,
    arrays: Box<[*mut FFI_ArrowArray]>,
}

/// Exports the result batches as one struct series named [`OUTPUT`], one chunk per batch.
fn export(batches: Vec<RecordBatch>, catalogues: &[CatalogueId]) -> Result<SeriesExport, String> {
    let output = output_field(catalogues);
    let schema = Box::new(FFI_ArrowSchema::try_from(&output).map_err(|e| e.to_string())?);
    let mut arrays = Vec::with_capacity(batches.len());
    for batch in batches {
        let data = StructArray::from(batch).into_data();
        let (array, _) = to_ffi(&data).map_err(|e| e.to_string())?;
        arrays.push(array);
    }
    Ok(series(schema, arrays))
}

/// A series of `arrays` (chunks of the type of `schema`) as Polars takes it over: the boxes are
/// freed by [`release_export`].
fn series(schema: Box<FFI_ArrowSchema>, arrays: Vec<FFI_ArrowArray>) -> SeriesExport {
    let mut arrays: Box<[*mut FFI_ArrowArray]> = arrays
        .into_iter()
        .map(|a| Box::into_raw(Box::new(a)))
        .collect();
    let field = std::ptr::from_ref::<FFI_ArrowSchema>(&schema).cast_mut();
    let (len, ptr) = (arrays.len(), arrays.as_mut_ptr());
    let private = Box::new(Exported {
        _schema: schema,
        arrays,
    });
    SeriesExport {
        field,
        arrays: ptr,
        len,
        release: Some(release_export),
        private_data: Box::into_raw(private).cast(),
    }
}

/// Frees an exported series' own allocations: the schema and the boxes of the array structs,
/// whose contents Polars has moved out (each array is released by its own callback).
///
/// # Safety
/// `e` is null or an export made by [`export`], released once.
unsafe extern "C" fn release_export(e: *mut SeriesExport) {
    // SAFETY: guaranteed by the caller.
    let Some(e) = (unsafe { e.as_mut() }) else {
        return;
    };
    if e.private_data.is_null() {
        return;
    }
    // SAFETY: `private_data` is the `Exported` boxed by `export`, taken back once (nulled below).
    let private = unsafe { Box::from_raw(e.private_data.cast::<Exported>()) };
    for &array in private.arrays.iter() {
        // SAFETY: each pointer is a box made by `export`; its `ArrowArray` was moved out by
        // Polars, so only the box is freed, not the array (ManuallyDrop).
        drop(unsafe { Box::from_raw(array.cast::<ManuallyDrop<FFI_ArrowArray>>()) });
    }
    e.private_data = std::ptr::null_mut();
    e.release = None;
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use arrow_array::StringArray;
    use std::ffi::CStr;
    use std::sync::Arc;

    /// The keyword arguments as `digicat.polars.classify` passes them.
    #[derive(serde::Serialize)]
    struct Args<'a> {
        columns: Vec<&'a str>,
        policy: &'a str,
        edition: &'a str,
        lang: &'a str,
        catalogues: Vec<&'a str>,
    }

    /// The keyword arguments pickled (a dict, as Python's `pickle.dumps` writes one).
    fn kwargs_pickle(catalogue: &str) -> Vec<u8> {
        let args = Args {
            columns: vec!["code", "text"],
            policy: "standard",
            edition: "auto",
            lang: "en",
            catalogues: catalogue.split(',').collect(),
        };
        serde_pickle::to_vec(&args, serde_pickle::SerOptions::new()).unwrap()
    }

    fn empty() -> SeriesExport {
        SeriesExport {
            field: std::ptr::null_mut(),
            arrays: std::ptr::null_mut(),
            len: 0,
            release: None,
            private_data: std::ptr::null_mut(),
        }
    }

    /// A string column exported as Polars hands one over (two chunks).
    fn input(values: &[Option<&str>]) -> SeriesExport {
        let (a, b) = values.split_at(values.len() / 2);
        let batches = [a, b].map(|part| {
            let array: ArrayRef = Arc::new(StringArray::from(part.to_vec()));
            RecordBatch::try_from_iter([("x", array)]).unwrap()
        });
        // `export` writes struct chunks; take the one field of each as the column.
        let arrays: Vec<FFI_ArrowArray> = batches
            .iter()
            .map(|b| to_ffi(&b.column(0).to_data()).unwrap().0)
            .collect();
        let schema = Box::new(FFI_ArrowSchema::try_from(DataType::Utf8).unwrap());
        series(schema, arrays)
    }

    fn last_error() -> String {
        // SAFETY: the pointer is this thread's NUL-terminated message, alive until the next set.
        unsafe { CStr::from_ptr(_polars_plugin_get_last_error_message()) }
            .to_string_lossy()
            .into_owned()
    }

    /// Calls the plugin on three rows; the struct chunks of the result, or `None` on an error.
    fn call(catalogue: &str) -> Option<Vec<ArrayRef>> {
        let inputs = ManuallyDrop::new([
            input(&[Some("6513"), None, Some("I-6513")]),
            input(&[Some("软件开发"), Some("云计算服务"), None]),
        ]);
        let kwargs = kwargs_pickle(catalogue);
        let mut out = empty();
        let context = CallerContext { bitflags: 0 };
        // SAFETY: the inputs are valid exports handed over; the kwargs and `out` outlive the call.
        unsafe {
            _polars_plugin_classify(
                inputs.as_ptr(),
                2,
                kwargs.as_ptr(),
                kwargs.len(),
                &mut out,
                &context,
            );
        }
        if out.private_data.is_null() {
            return None;
        }
        Some(Input::new(out).arrays().unwrap().1)
    }

    #[test]
    fn classifies_through_the_abi() {
        assert_eq!(_polars_plugin_get_version(), 1);
        let Some(chunks) = call("dongguan-2019") else {
            panic!("plugin failed: {}", last_error());
        };
        let rows: usize = chunks.iter().map(|c| c.len()).sum();
        assert_eq!(rows, 3);
        let result = chunks[0].as_any().downcast_ref::<StructArray>().unwrap();
        assert_eq!(result.fields(), digicat_arrow::schema().fields());
        let Some(both) = call("dongguan-2019,szjj-2021") else {
            panic!("plugin failed: {}", last_error());
        };
        let both = both[0].as_any().downcast_ref::<StructArray>().unwrap();
        let ids = [CatalogueId::Dongguan2019, CatalogueId::Szjj2021];
        assert_eq!(both.fields(), digicat_arrow::schema_for(&ids).fields());
        let want = ["6513", "", "I-6513"]
            .iter()
            .zip(["软件开发", "云计算服务", ""]);
        for (i, (code, text)) in want.enumerate() {
            let some = |s: &'static str| Some(s).filter(|s| !s.is_empty());
            let direct = digicat::classify(some(code), some(text), &Options::default()).unwrap();
            let status = arrow_cast::display::ArrayFormatter::try_new(
                result.column(0).as_ref(),
                &Default::default(),
            )
            .unwrap()
            .value(i)
            .to_string();
            assert_eq!(status, direct.status.as_str(), "row {i}");
        }
    }

    #[test]
    fn refuses_an_unknown_catalogue_as_an_error() {
        assert!(call("nope").is_none());
        assert!(last_error().contains("nope"), "{}", last_error());
    }

    #[test]
    fn field_refuses_numbers() {
        let kwargs = kwargs_pickle("dongguan-2019");
        let fields =
            [DataType::Int64, DataType::Utf8View].map(|t| FFI_ArrowSchema::try_from(t).unwrap());
        let mut out = FFI_ArrowSchema::empty();
        // SAFETY: two valid schemas, a writable empty output, the kwargs bytes.
        unsafe {
            _polars_plugin_field_classify(
                fields.as_ptr(),
                2,
                &mut out,
                kwargs.as_ptr(),
                kwargs.len(),
            );
        }
        assert!(last_error().contains("leading zeros"), "{}", last_error());
        let fields =
            [DataType::Utf8View, DataType::Null].map(|t| FFI_ArrowSchema::try_from(t).unwrap());
        // SAFETY: as above.
        unsafe {
            _polars_plugin_field_classify(
                fields.as_ptr(),
                2,
                &mut out,
                kwargs.as_ptr(),
                kwargs.len(),
            );
        }
        let field = Field::try_from(&out).unwrap();
        assert_eq!(field, output_field(&[CatalogueId::Dongguan2019]));
    }
}
