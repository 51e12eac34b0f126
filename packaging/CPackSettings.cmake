# The .deb that tools/package.sh builds. Its library dependencies are read from the binaries
# by dpkg-shlibdeps, so they name exactly Debian's packages the build linked (libtorch,
# Qt 6, OpenCV); the dataset the lab trains on by default is recommended.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME reslens)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "ResLens")
set(CPACK_PACKAGE_CONTACT "ResLens developers <reslens@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "see what happens inside a residual network")
set(CPACK_PACKAGE_DESCRIPTION
    "ResLens shows teachers, students and practitioners of deep learning what a residual \
network does: classify an image and step through its blocks, see what every block costs, \
train a network beside its plain twin while every block's gradient norm is charted live, \
and run the lesion study, loss-landscape slices and Grad-CAM. Includes reslens-cli, the \
same engine without a window.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "dataset-fashion-mnist")
set(CPACK_STRIP_FILES ON)
include(CPack)
