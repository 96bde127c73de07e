import { describe, expect, it } from 'vitest';
import { formatFileSize, guessAttachmentKind, mediaTypeOf, openPolicyOf, tooLargeMessage, verifyProblemMessage } from '../../../shared/domain/attachment';

describe('open policy', () => {
  it.each(['Signed MoU scan.pdf', 'minutes.DOCX', 'letter.doc', 'figures.xlsx', 'old.xls', 'note.odt', 'readme.txt', 'site.jpg', 'site.JPEG', 'plan.png', 'map.gif', 'scan.tif', 'scan.tiff', 'IMG_0001.HEIC'])(
    'opens %s in the system viewer',
    (name) => expect(openPolicyOf(name)).toBe('open'),
  );

  it.each(['setup.exe', 'run.bat', 'script.ps1', 'shortcut.lnk', 'page.html', 'macro.docm', 'archive.zip', 'no extension', 'scan.pdf.exe', '.pdf', 'trailing.pdf.', 'x.scr', 'x.js', 'x.vbs', 'x.msi', 'x.cmd'])(
    'only shows %s in its folder, never runs it',
    (name) => expect(openPolicyOf(name)).toBe('show-in-folder'),
  );

  it('takes the media type from the extension', () => {
    expect(mediaTypeOf('Scan.PDF')).toBe('application/pdf');
    expect(mediaTypeOf('photo.jpg')).toBe('image/jpeg');
    expect(mediaTypeOf('tool.exe')).toBe('application/octet-stream');
  });
});

describe('attachment wording', () => {
  it('guesses the kind: a PDF on an MoU is its signed scan', () => {
    expect(guessAttachmentKind('Signed MoU scan.pdf', 'mou')).toBe('signed-mou');
    expect(guessAttachmentKind('scan.pdf', 'mou')).toBe('signed-mou');
    expect(guessAttachmentKind('Amendment 1.pdf', 'mou')).toBe('amendment');
    expect(guessAttachmentKind('Board minutes.docx', 'proposal')).toBe('minutes');
    expect(guessAttachmentKind('IMG_2041.jpg', 'proposal')).toBe('site-visit');
    expect(guessAttachmentKind('letter.pdf', 'proposal')).toBe('offer-letter');
    expect(guessAttachmentKind('figures.xlsx', 'mou')).toBe('other');
  });

  it('shows sizes in bytes, KB and MB', () => {
    expect(formatFileSize(1)).toBe('1 byte');
    expect(formatFileSize(820)).toBe('820 bytes');
    expect(formatFileSize(14_400)).toBe('14 KB');
    expect(formatFileSize(3_240_000)).toBe('3.2 MB');
    expect(formatFileSize(61_000_000)).toBe('61 MB');
  });

  it('names the file and its size when it is too large, and the record when verify finds a problem', () => {
    expect(tooLargeMessage('Site photos.zip', 61_000_000)).toBe('Site photos.zip is 61 MB; attachments can be at most 50 MB each.');
    expect(verifyProblemMessage('Signed MoU scan.pdf', 'MoU PSEB/STP/2021/01', 'changed')).toBe(
      'Signed MoU scan.pdf on MoU PSEB/STP/2021/01: the stored file has changed since it was added.',
    );
    expect(verifyProblemMessage('a.pdf', 'proposal X', 'missing')).toBe('a.pdf on proposal X: the stored file is missing from the data folder.');
  });
});
