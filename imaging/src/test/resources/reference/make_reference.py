#!/usr/bin/python3
# Reference values for the imaging readers, computed OUTSIDE the Java code with pydicom 2.3.1
# and nibabel 5.0.0 (Debian packages python3-pydicom, python3-nibabel), plus small fixture
# files that this script writes itself (a DICOM series made from pydicom's MR_small.dcm, and
# MetaImage files written byte by byte from numpy arrays).
#
# Command (from the repository root):
#   /usr/bin/python3 imaging/src/test/resources/reference/make_reference.py
# Output: imaging/src/test/resources/reference/readers.json and the fixtures/ folder.
#
# Conventions checked (the Java side documents the same): LPS patient coordinates; voxel
# (i, j, k) at origin + D @ (spacing * (i, j, k)); i along a DICOM row / NIfTI's first axis;
# direction D row-major; sums/min/max after rescale (pydicom apply_modality_lut, nibabel
# get_fdata which applies scl_slope/scl_inter).
import copy, json, os, zlib
import numpy as np
import nibabel as nib
import pydicom
from pydicom.pixel_data_handlers.util import apply_modality_lut

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, 'fixtures')
PYDICOM = '/usr/lib/python3/dist-packages/pydicom/data/test_files'
NIBABEL = '/usr/lib/python3/dist-packages/nibabel/tests/data'
SHARED = os.path.normpath(os.path.join(HERE, '../../../../../../shared/data'))
LPS = np.diag([-1.0, -1.0, 1.0])


def entry(name, shape3, spacing, origin, direction, data, plane):
    d = np.asarray(direction, dtype=float).reshape(3, 3)
    n = np.cross(d[:, 0], d[:, 1])
    return dict(name=name, size=[int(s) for s in shape3], spacing=[float(s) for s in spacing],
                origin=[float(o) for o in origin], direction=[float(v) for v in d.ravel()],
                plane=plane if plane else ['sagittal', 'coronal', 'axial'][int(np.argmax(np.abs(n)))],
                sum=float(np.nansum(data, dtype=np.float64)), min=float(np.nanmin(data)),
                max=float(np.nanmax(data)), count=int(np.size(data)),
                nan_count=int(np.count_nonzero(np.isnan(data))))


def nifti(name, path):
    img = nib.load(path)
    a = LPS @ img.affine[:3, :4]
    shape = list(img.shape) + [1] * (3 - len(img.shape))
    cols = a[:, :3].copy()
    spacing = np.linalg.norm(cols, axis=0)
    if spacing[2] == 0:  # 2-D image without a third column
        cols[:, 2] = np.cross(cols[:, 0], cols[:, 1])
        spacing[2] = 1.0
    d = cols / np.linalg.norm(cols, axis=0)
    return entry(name, shape, spacing, a[:, 3], d, img.get_fdata(), None)


def dicom_geometry(ds, frames):
    iop = np.array([float(v) for v in ds.ImageOrientationPatient])
    row, col = iop[:3], iop[3:]
    n = np.cross(row, col)
    ps = [float(v) for v in ds.PixelSpacing]
    return row, col, n, ps


def dicom_file(name, path):
    ds = pydicom.dcmread(path)
    arr = apply_modality_lut(ds.pixel_array, ds).astype(np.float64)
    frames = int(getattr(ds, 'NumberOfFrames', 1) or 1)
    row, col, n, ps = dicom_geometry(ds, frames)
    ipp = np.array([float(v) for v in ds.ImagePositionPatient])
    if frames > 1:
        offs = [float(v) for v in ds.GridFrameOffsetVector]
        dz = (offs[-1] - offs[0]) / (frames - 1)
        origin = ipp + offs[0] * n
    else:
        dz = float(ds.get('SpacingBetweenSlices') or ds.get('SliceThickness') or 1.0)
        origin = ipp
    d = np.stack([row, col, n], axis=1)
    return entry(name, [ds.Columns, ds.Rows, frames], [ps[1], ps[0], dz], origin, d, arr, None)


def dicom_enhanced(name, path):
    """Single-frame object whose geometry sits in the functional groups (DICOM SEG)."""
    ds = pydicom.dcmread(path)
    arr = apply_modality_lut(ds.pixel_array, ds).astype(np.float64)
    shared = ds.SharedFunctionalGroupsSequence[0]
    iop = np.array([float(v) for v in shared.PlaneOrientationSequence[0].ImageOrientationPatient])
    ps = [float(v) for v in shared.PixelMeasuresSequence[0].PixelSpacing]
    ipp = [float(v) for v in
           ds.PerFrameFunctionalGroupsSequence[0].PlanePositionSequence[0].ImagePositionPatient]
    row, col = iop[:3], iop[3:]
    d = np.stack([row, col, np.cross(row, col)], axis=1)
    dz = float(shared.PixelMeasuresSequence[0].SliceThickness)
    return entry(name, [ds.Columns, ds.Rows, 1], [ps[1], ps[0], dz], ipp, d, arr, None)


def nifti_fixtures():
    """NIfTI files written by nibabel: qform-only (quaternion, qfac -1) big-endian int16 with
    scl_slope/scl_inter, and a float64 file with a rotated sform."""
    out = []
    rng = np.random.default_rng(7)
    os.makedirs(FIX, exist_ok=True)
    a = np.deg2rad(20)
    rot = np.array([[0, np.sin(a), np.cos(a)], [1, 0, 0], [0, np.cos(a), -np.sin(a)]])
    aff = np.eye(4)
    aff[:3, :3] = rot @ np.diag([0.8, 0.9, -4.0])  # improper: nibabel stores qfac = -1
    aff[:3, 3] = [-12.5, 30.25, 7.0]
    # float data stored as int16: nibabel picks scl_slope/scl_inter to fit the range
    data = rng.normal(3.0e5, 9.0e5, size=(6, 5, 4))
    hdr = nib.Nifti1Header(endianness='>')
    img = nib.Nifti1Image(data, None, hdr)
    img.set_data_dtype(np.int16)
    img.set_qform(aff, code=1)
    img.set_sform(None, code=0)
    p = os.path.join(FIX, 'qform_int16_be_scaled.nii.gz')
    nib.save(img, p)
    out.append(nifti('fixtures/qform_int16_be_scaled.nii.gz', p))
    b = np.deg2rad(-12)
    rot2 = np.array([[np.cos(b), -np.sin(b), 0], [np.sin(b), np.cos(b), 0], [0, 0, 1]])
    aff2 = np.eye(4)
    aff2[:3, :3] = rot2 @ np.diag([1.25, 1.25, 2.0])
    aff2[:3, 3] = [100.0, -50.0, 25.0]
    img2 = nib.Nifti1Image(rng.normal(0, 1, size=(7, 3, 2)), aff2)
    img2.set_qform(None, code=0)
    img2.set_sform(aff2, code=2)
    p2 = os.path.join(FIX, 'sform_float64.nii')
    nib.save(img2, p2)
    out.append(nifti('fixtures/sform_float64.nii', p2))
    return out


def write_coronal_big_endian(folder):
    """Three coronal slices, explicit VR big endian, a different rescale per slice."""
    os.makedirs(folder, exist_ok=True)
    src = pydicom.dcmread(os.path.join(PYDICOM, 'MR_small.dcm'))
    iop = [1, 0, 0, 0, 0, -1]
    n = np.cross(iop[:3], iop[3:])
    for k, name in enumerate(['z.dcm', 'x.dcm', 'y.dcm']):
        ds = copy.deepcopy(src)
        ds.ImageOrientationPatient = [f'{v:.4f}' for v in iop]
        ds.ImagePositionPatient = [f'{v:.4f}' for v in np.array([10.0, -20.0, 30.0]) + 3.0 * k * n]
        ds.RescaleSlope = f'{0.5 * (k + 1):.2f}'
        ds.RescaleIntercept = f'{-10.0 * k:.1f}'
        ds.PixelData = (src.pixel_array.astype(np.int16) + np.int16(7 * k)).astype('>i2').tobytes()
        ds.file_meta.TransferSyntaxUID = pydicom.uid.ExplicitVRBigEndian
        ds.is_implicit_VR = False
        ds.is_little_endian = False
        ds.save_as(os.path.join(folder, name), write_like_original=False)
    files = [pydicom.dcmread(os.path.join(folder, f)) for f in os.listdir(folder)]
    files.sort(key=lambda x: float(np.dot([float(v) for v in x.ImagePositionPatient], n)))
    vol = np.stack([apply_modality_lut(f.pixel_array, f) for f in files]).astype(np.float64)
    r, c, nn, ps = dicom_geometry(files[0], 3)
    e = entry(os.path.relpath(folder, HERE), [64, 64, 3], [ps[1], ps[0], 3.0],
              [float(v) for v in files[0].ImagePositionPatient], np.stack([r, c, nn], axis=1),
              vol, None)
    e['slice_first_voxel'] = [float(vol[k, 0, 0]) for k in range(3)]
    return e


def write_enhanced_multiframe(path):
    """One enhanced multi-frame file: 3 frames stored out of order, geometry and rescale in
    shared and per-frame functional groups."""
    from pydicom.dataset import Dataset
    from pydicom.sequence import Sequence
    src = pydicom.dcmread(os.path.join(PYDICOM, 'MR_small.dcm'))
    ds = copy.deepcopy(src)
    for tag in ['ImageOrientationPatient', 'ImagePositionPatient', 'PixelSpacing',
                'SliceThickness', 'RescaleSlope', 'RescaleIntercept']:
        if tag in ds:
            delattr(ds, tag)
    iop = [0, 1, 0, 0, 0, -1]  # sagittal
    n = np.cross(iop[:3], iop[3:])
    shared = Dataset()
    po = Dataset(); po.ImageOrientationPatient = iop
    pm = Dataset(); pm.PixelSpacing = ['0.8', '0.6']; pm.SliceThickness = '4'
    shared.PlaneOrientationSequence = Sequence([po])
    shared.PixelMeasuresSequence = Sequence([pm])
    ds.SharedFunctionalGroupsSequence = Sequence([shared])
    order = [2, 0, 1]  # frame f shows slice order[f]
    frames = []
    per = []
    for f, k in enumerate(order):
        item = Dataset()
        pp = Dataset(); pp.ImagePositionPatient = [f'{v:.3f}' for v in np.array([-5.0, 1.0, 2.0]) + 4.0 * k * n]
        pt = Dataset(); pt.RescaleSlope = f'{1.0 + k:.1f}'; pt.RescaleIntercept = f'{100.0 * k:.1f}'
        item.PlanePositionSequence = Sequence([pp])
        item.PixelValueTransformationSequence = Sequence([pt])
        per.append(item)
        frames.append(src.pixel_array.astype(np.int16) + np.int16(k))
    ds.PerFrameFunctionalGroupsSequence = Sequence(per)
    ds.NumberOfFrames = 3
    ds.PixelData = np.stack(frames).tobytes()
    ds.save_as(path, write_like_original=False)
    # reference: apply each frame's own rescale, then sort frames along the normal
    vols = []
    for f, k in enumerate(order):
        vols.append((float(np.dot([float(v) for v in per[f].PlanePositionSequence[0].ImagePositionPatient], n)),
                     frames[f] * (1.0 + k) + 100.0 * k))
    vols.sort(key=lambda t: t[0])
    vol = np.stack([v for _, v in vols])
    origin = np.array([-5.0, 1.0, 2.0])
    d = np.stack([np.array(iop[:3], float), np.array(iop[3:], float), n], axis=1)
    e = entry(os.path.relpath(path, HERE), [64, 64, 3], [0.6, 0.8, 4.0], origin, d, vol, None)
    e['slice_first_voxel'] = [float(vol[k, 0, 0]) for k in range(3)]
    return e


def write_series(folder, iop, implicit):
    """Four slices from MR_small.dcm at shuffled file names; pixel value + 100*k."""
    os.makedirs(folder, exist_ok=True)
    src = pydicom.dcmread(os.path.join(PYDICOM, 'MR_small.dcm'))
    row, col = np.array(iop[:3]), np.array(iop[3:])
    n = np.cross(row, col)
    base = np.array([-83.9063, -91.2, 6.6406])
    names = ['c.dcm', 'a.dcm', 'd.dcm', 'b.dcm']
    arrays = []
    for k in range(4):
        ds = copy.deepcopy(src)
        ds.ImageOrientationPatient = [f'{v:.4f}' for v in iop]
        pos = base + 2.5 * k * n
        ds.ImagePositionPatient = [f'{v:.4f}' for v in pos]
        ds.InstanceNumber = k + 1
        ds.SliceThickness = '2.5'
        ds.PixelSpacing = ['0.5', '0.3125']  # rows 0.5 mm apart, columns 0.3125 mm apart
        a = src.pixel_array.astype(np.int16) + np.int16(100 * k)
        ds.PixelData = a.tobytes()
        if implicit:
            ds.file_meta.TransferSyntaxUID = pydicom.uid.ImplicitVRLittleEndian
            ds.is_implicit_VR = True
            ds.is_little_endian = True
        ds.save_as(os.path.join(folder, names[k]), write_like_original=False)
        arrays.append(a)
    # reference from re-reading what was written, sorted by position along the normal
    files = [pydicom.dcmread(os.path.join(folder, f)) for f in names]
    files.sort(key=lambda x: float(np.dot([float(v) for v in x.ImagePositionPatient], n)))
    vol = np.stack([apply_modality_lut(f.pixel_array, f) for f in files]).astype(np.float64)
    first = files[0]
    r, c, nn, ps = dicom_geometry(first, 4)
    d = np.stack([r, c, nn], axis=1)
    origin = [float(v) for v in first.ImagePositionPatient]
    e = entry(os.path.relpath(folder, HERE), [first.Columns, first.Rows, 4], [ps[1], ps[0], 2.5],
              origin, d, vol, None)
    # first voxel of each slice, to check the sort order
    e['slice_first_voxel'] = [float(vol[k, 0, 0]) for k in range(4)]
    return e


def write_mha(path, arr_zyx, spacing, offset, matrix_cols, met, dtype, msb, compressed,
              data_file=None):
    """MetaImage written by hand; arr_zyx is indexed [k, j, i] (i fastest on disk)."""
    nd = 3 if arr_zyx.shape[0] > 1 or len(spacing) == 3 else 2
    ndims = len(spacing)
    dims = [arr_zyx.shape[2], arr_zyx.shape[1]] + ([arr_zyx.shape[0]] if ndims == 3 else [])
    raw = arr_zyx.astype(np.dtype(dtype).newbyteorder('>' if msb else '<')).tobytes()
    if compressed:
        raw = zlib.compress(raw)
    lines = ['ObjectType = Image', f'NDims = {ndims}', 'BinaryData = True',
             f'BinaryDataByteOrderMSB = {"True" if msb else "False"}',
             f'CompressedData = {"True" if compressed else "False"}',
             'TransformMatrix = ' + ' '.join(str(v) for v in matrix_cols),
             'Offset = ' + ' '.join(str(v) for v in offset),
             'ElementSpacing = ' + ' '.join(str(v) for v in spacing),
             'DimSize = ' + ' '.join(str(v) for v in dims), f'ElementType = {met}',
             f'ElementDataFile = {data_file or "LOCAL"}']
    header = ('\n'.join(lines) + '\n').encode('ascii')
    if data_file:
        with open(path, 'wb') as f:
            f.write(header)
        with open(os.path.join(os.path.dirname(path), data_file), 'wb') as f:
            f.write(raw)
    else:
        with open(path, 'wb') as f:
            f.write(header + raw)


def metaimage_fixtures():
    out = []
    rng = np.random.default_rng(20261128)
    os.makedirs(FIX, exist_ok=True)
    # sagittal 3-D: i -> P, j -> I, k -> L (ITK TransformMatrix lists axis directions in turn)
    cols = [0, 1, 0, 0, 0, -1, 1, 0, 0]
    d = np.array(cols, dtype=float).reshape(3, 3).T
    specs = [
        ('fixtures/sag_int16_msb.mha', 'MET_SHORT', 'i2', True, False, None),
        ('fixtures/sag_float_le.mhd', 'MET_FLOAT', 'f4', False, False, 'sag_float_le.raw'),
        ('fixtures/sag_uint16_z.mhd', 'MET_USHORT', 'u2', False, True, 'sag_uint16_z.zraw'),
        ('fixtures/sag_uint8_z.mha', 'MET_UCHAR', 'u1', False, True, None),
    ]
    for name, met, dtype, msb, comp, data_file in specs:
        if dtype == 'f4':
            arr = rng.normal(100, 30, size=(3, 4, 5)).astype(np.float32)
        elif dtype == 'u1':
            arr = rng.integers(0, 256, size=(3, 4, 5)).astype(np.uint8)
        elif dtype == 'u2':
            arr = rng.integers(0, 65536, size=(3, 4, 5)).astype(np.uint16)
        else:
            arr = rng.integers(-32768, 32768, size=(3, 4, 5)).astype(np.int16)
        spacing, offset = [0.5, 0.75, 4.0], [-10.5, 20.25, 30.0]
        write_mha(os.path.join(HERE, name), arr, spacing, offset, cols, met, dtype, msb, comp,
                  data_file)
        out.append(entry(name, [5, 4, 3], spacing, offset, d, arr.astype(np.float64), None))
    # 2-D axial image, 2x2 matrix, no rotation
    arr = rng.integers(-1000, 1000, size=(1, 6, 7)).astype(np.int32)
    write_mha(os.path.join(HERE, 'fixtures/axial2d_int32.mha'), arr, [0.8, 0.9], [1.5, -2.5],
              [1, 0, 0, 1], 'MET_INT', 'i4', False, False)
    out.append(entry('fixtures/axial2d_int32.mha', [7, 6, 1], [0.8, 0.9, 1.0], [1.5, -2.5, 0.0],
                     np.eye(3), arr.astype(np.float64), None))
    return out


def main():
    result = dict(generator='make_reference.py', pydicom=pydicom.__version__,
                  nibabel=nib.__version__, nifti=[], dicom=[], dicom_series=[], metaimage=[],
                  shared=[])
    for f in ['anatomical.nii', 'standard.nii.gz', 'reoriented_anat_moved.nii',
              'resampled_anat_moved.nii']:
        result['nifti'].append(nifti('nibabel:' + f, os.path.join(NIBABEL, f)))
    for f in ['MR_small.dcm', 'MR_small_implicit.dcm', 'MR_small_bigendian.dcm', 'MR_small_expb.dcm',
              'MR_small_padded.dcm', 'CT_small.dcm', 'rtdose.dcm', 'rtdose_expb.dcm']:
        result['dicom'].append(dicom_file('pydicom:' + f, os.path.join(PYDICOM, f)))
    for f in ['liver_1frame.dcm', 'liver_expb_1frame.dcm']:
        result['dicom'].append(dicom_enhanced('pydicom:' + f, os.path.join(PYDICOM, f)))
    result['nifti'].extend(nifti_fixtures())
    result['dicom_series'].append(write_series(os.path.join(FIX, 'series_axial_explicit'),
                                               [1, 0, 0, 0, 1, 0], False))
    result['dicom_series'].append(write_series(os.path.join(FIX, 'series_sagittal_implicit'),
                                               [0, 1, 0, 0, 0, -1], True))
    result['dicom_series'].append(write_coronal_big_endian(
        os.path.join(FIX, 'series_coronal_bigendian_rescaled')))
    result['dicom_series'].append(write_enhanced_multiframe(
        os.path.join(FIX, 'enhanced_multiframe_sagittal.dcm')))
    result['metaimage'] = metaimage_fixtures()
    spider = os.path.join(SHARED, 'spider_medvisor_subset/output_file.nii.gz')
    ct = os.path.join(SHARED, 'totalsegmentator_example_ct/example_ct.nii.gz')
    if os.path.exists(spider):
        result['shared'].append(nifti('shared:spider_medvisor_subset/output_file.nii.gz', spider))
        result['shared'].append(nifti('shared:totalsegmentator_example_ct/example_ct.nii.gz', ct))
        for v in ['L1', 'L3', 'L5']:
            p = os.path.join(SHARED, f'totalsegmentator_example_ct/seg/vertebrae_{v}.nii.gz')
            e = nifti(f'shared:totalsegmentator_example_ct/seg/vertebrae_{v}.nii.gz', p)
            img = nib.load(p)
            m = img.get_fdata() > 0.5
            ijk = np.argwhere(m).mean(axis=0)
            e['centroid_lps'] = [float(v) for v in (LPS @ (img.affine @ np.r_[ijk, 1])[:3])]
            result['shared'].append(e)
    with open(os.path.join(HERE, 'readers.json'), 'w') as f:
        json.dump(result, f, indent=1, sort_keys=True)
        f.write('\n')


if __name__ == '__main__':
    main()
