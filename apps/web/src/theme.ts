import type { ThemeConfig } from 'antd';

/**
 * Readable at arm's length by people in their sixties and seventies: 16 px body text (18 px in
 * styles.css on wider screens), 48 px-high controls (large touch targets), and colours that keep at
 * least WCAG AA contrast on white. The red and gold are the association's.
 */
export const theme: ThemeConfig = {
  token: {
    fontSize: 16,
    fontSizeLG: 18,
    controlHeight: 44,
    controlHeightLG: 48,
    colorPrimary: '#8b1a1a',
    colorLink: '#8b1a1a',
    colorText: '#1a1a1a',
    colorTextSecondary: '#3d3d3d',
    colorTextDescription: '#3d3d3d',
    colorError: '#b3261e',
    colorWarning: '#8a5300',
    colorSuccess: '#1e6b34',
    borderRadius: 8,
    fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#8b1a1a', headerPadding: '0 16px', bodyBg: '#f5f3ef' },
    Menu: { itemHeight: 48 },
  },
};
